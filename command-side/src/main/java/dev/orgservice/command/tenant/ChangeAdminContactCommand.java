package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Name another administrative contact, e.g. when the tenant's administrator leaves. */
public record ChangeAdminContactCommand(@TargetAggregateIdentifier TenantId tenantId, String adminEmail,
        ExpectedRevision expected) implements ConditionalCommand {

    public ChangeAdminContactCommand(TenantId tenantId, String adminEmail) {
        this(tenantId, adminEmail, ExpectedRevision.ANY);
    }
}
