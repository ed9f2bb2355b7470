package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** The tenant went from {@code PROVISIONING} to {@code ACTIVE}. */
@Revision("1")
public record TenantActivatedEvent(TenantId tenantId) implements TenantEvent {
}
