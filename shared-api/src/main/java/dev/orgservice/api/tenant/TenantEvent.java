package dev.orgservice.api.tenant;

/** Everything that can happen to a tenant. Published on Kafka topic {@code org.tenant.events.v1}. */
public sealed interface TenantEvent permits
        TenantCreatedEvent, TenantActivatedEvent, TenantConfigurationUpdatedEvent,
        TenantFeatureToggledEvent, TenantFeatureToggleClearedEvent, TenantSubscriptionChangedEvent,
        TenantSuspendedEvent, TenantReactivatedEvent, TenantOffboardedEvent, TenantAdminContactChangedEvent {

    TenantId tenantId();
}
