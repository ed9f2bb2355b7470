package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop all changes to the tenant's organization; reads keep working. */
public record SuspendTenantCommand(@TargetAggregateIdentifier TenantId tenantId, String reason,
        ExpectedRevision expected) implements ConditionalCommand, RegistryChange {

    public SuspendTenantCommand(TenantId tenantId, String reason) {
        this(tenantId, reason, ExpectedRevision.ANY);
    }
}
