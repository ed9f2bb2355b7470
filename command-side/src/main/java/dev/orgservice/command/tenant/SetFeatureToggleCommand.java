package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Override a feature's plan default; only entitled features unless a platform admin asks. */
public record SetFeatureToggleCommand(@TargetAggregateIdentifier TenantId tenantId, String featureKey, boolean enabled, boolean asPlatformAdmin,
        ExpectedRevision expected) implements ConditionalCommand, RegistryChange {

    public SetFeatureToggleCommand(TenantId tenantId, String featureKey, boolean enabled, boolean asPlatformAdmin) {
        this(tenantId, featureKey, enabled, asPlatformAdmin, ExpectedRevision.ANY);
    }
}
