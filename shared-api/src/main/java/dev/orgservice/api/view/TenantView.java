package dev.orgservice.api.view;

import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantStatus;

import java.time.Instant;
import java.util.UUID;

/** One tenant as the query API shows it. */
public record TenantView(
        UUID tenantId,
        String slug,
        TenantStatus status,
        String country,
        String adminEmail,
        TenantConfiguration configuration,
        Subscription subscription,
        PlanLimitsView limits,
        Instant createdAt,
        Instant updatedAt) {
}
