package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start using a provisioned tenant. */
public record ActivateTenantCommand(@TargetAggregateIdentifier TenantId tenantId) {
}
