package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** The tenant left the platform (terminal). Its slug stays reserved. */
@Revision("1")
public record TenantOffboardedEvent(TenantId tenantId, String reason) implements TenantEvent {
}
