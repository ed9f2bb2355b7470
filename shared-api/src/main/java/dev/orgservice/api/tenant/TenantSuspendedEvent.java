package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** The tenant was suspended: its organization can no longer be changed, its data can still be read. */
@Revision("1")
public record TenantSuspendedEvent(TenantId tenantId, String reason) implements TenantEvent {
}
