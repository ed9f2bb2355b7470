package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop all changes to the tenant's organization; reads keep working. */
public record SuspendTenantCommand(@TargetAggregateIdentifier TenantId tenantId, String reason) {
}
