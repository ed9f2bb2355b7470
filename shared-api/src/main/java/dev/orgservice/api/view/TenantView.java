package dev.orgservice.api.view;

import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One tenant as the query API shows it. {@code revision} is the tenant's version (the sequence number of its last
 * event), to send in {@code If-Match}; null for a tenant the read model projected before it kept revisions, until
 * its next change or a rebuild of the projection.
 */
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
        Instant updatedAt,
        Long revision) {
}
