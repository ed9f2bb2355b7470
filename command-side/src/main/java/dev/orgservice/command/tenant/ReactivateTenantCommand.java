package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lift a suspension. */
public record ReactivateTenantCommand(@TargetAggregateIdentifier TenantId tenantId) {
}
