package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Fall back to the plan's default for a feature. */
public record ClearFeatureToggleCommand(@TargetAggregateIdentifier TenantId tenantId, String featureKey, boolean asPlatformAdmin) {
}
