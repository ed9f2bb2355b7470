package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** Billing changed the subscription; {@code planTerms} are the terms of the (possibly new) plan. */
@Revision("1")
public record TenantSubscriptionChangedEvent(TenantId tenantId, Subscription subscription, PlanTerms planTerms) implements TenantEvent {
}
