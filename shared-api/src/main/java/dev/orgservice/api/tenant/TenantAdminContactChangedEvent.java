package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** The tenant's administrative contact, first given at creation, is now {@code adminEmail}. */
@Revision("1")
public record TenantAdminContactChangedEvent(TenantId tenantId, String adminEmail) implements TenantEvent {
}
