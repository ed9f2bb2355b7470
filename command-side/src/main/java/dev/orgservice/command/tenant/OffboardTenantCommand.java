package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the tenant for good. */
public record OffboardTenantCommand(@TargetAggregateIdentifier TenantId tenantId, String reason) {
}
