package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change some configuration fields; absent fields keep their value. */
public record UpdateTenantConfigurationCommand(@TargetAggregateIdentifier TenantId tenantId, ConfigurationChange change) {
}
