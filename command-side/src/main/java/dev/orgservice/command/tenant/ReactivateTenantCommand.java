package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lift a suspension. */
public record ReactivateTenantCommand(@TargetAggregateIdentifier TenantId tenantId,
        ExpectedRevision expected) implements ConditionalCommand, RegistryChange {

    public ReactivateTenantCommand(TenantId tenantId) {
        this(tenantId, ExpectedRevision.ANY);
    }
}
