package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the tenant for good. */
public record OffboardTenantCommand(@TargetAggregateIdentifier TenantId tenantId, String reason,
        ExpectedRevision expected) implements ConditionalCommand, RegistryChange {

    public OffboardTenantCommand(TenantId tenantId, String reason) {
        this(tenantId, reason, ExpectedRevision.ANY);
    }
}
