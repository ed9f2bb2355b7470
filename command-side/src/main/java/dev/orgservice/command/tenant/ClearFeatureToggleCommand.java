package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Fall back to the plan's default for a feature. */
public record ClearFeatureToggleCommand(@TargetAggregateIdentifier TenantId tenantId, String featureKey, boolean asPlatformAdmin,
        ExpectedRevision expected) implements ConditionalCommand, RegistryChange {

    public ClearFeatureToggleCommand(TenantId tenantId, String featureKey, boolean asPlatformAdmin) {
        this(tenantId, featureKey, asPlatformAdmin, ExpectedRevision.ANY);
    }
}
