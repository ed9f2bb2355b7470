package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** A tenant was registered; it starts in {@code PROVISIONING} with a trialing subscription to its plan. */
@Revision("1")
public record TenantCreatedEvent(TenantId tenantId, String slug, String country, String adminEmail, TenantConfiguration configuration, PlanTerms planTerms, Subscription subscription) implements TenantEvent {
}
