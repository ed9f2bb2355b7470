package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** A per-tenant override was removed: the plan default applies again. */
@Revision("1")
public record TenantFeatureToggleClearedEvent(TenantId tenantId, String featureKey) implements TenantEvent {
}
