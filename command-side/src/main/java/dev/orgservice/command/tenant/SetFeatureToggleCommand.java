package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Override a feature's plan default; only entitled features unless a platform admin asks. */
public record SetFeatureToggleCommand(@TargetAggregateIdentifier TenantId tenantId, String featureKey, boolean enabled, boolean asPlatformAdmin) {
}
