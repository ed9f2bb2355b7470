package dev.orgservice.api.tenant;

import org.axonframework.serialization.Revision;

/** A per-tenant override of a feature's plan default was set. */
@Revision("1")
public record TenantFeatureToggledEvent(TenantId tenantId, String featureKey, boolean enabled) implements TenantEvent {
}
