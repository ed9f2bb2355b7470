package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** A suspended tenant became {@code ACTIVE} again. */
@Revision("1")
public record TenantReactivatedEvent(TenantId tenantId) implements TenantEvent {
}
