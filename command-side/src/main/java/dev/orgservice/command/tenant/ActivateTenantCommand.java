package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start using a provisioned tenant. */
public record ActivateTenantCommand(@TargetAggregateIdentifier TenantId tenantId,
        ExpectedRevision expected) implements ConditionalCommand, RegistryChange {

    public ActivateTenantCommand(TenantId tenantId) {
        this(tenantId, ExpectedRevision.ANY);
    }
}
