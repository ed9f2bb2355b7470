package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** The tenant's configuration changed; carries the complete new configuration. */
@Revision("1")
public record TenantConfigurationUpdatedEvent(TenantId tenantId, TenantConfiguration configuration) implements TenantEvent {
}
