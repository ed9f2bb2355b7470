package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change some configuration fields; absent fields keep their value. */
public record UpdateTenantConfigurationCommand(@TargetAggregateIdentifier TenantId tenantId, ConfigurationChange change,
        ExpectedRevision expected) implements ConditionalCommand {

    public UpdateTenantConfigurationCommand(TenantId tenantId, ConfigurationChange change) {
        this(tenantId, change, ExpectedRevision.ANY);
    }
}
