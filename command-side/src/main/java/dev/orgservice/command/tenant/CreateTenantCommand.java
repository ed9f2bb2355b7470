package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantId;

/**
 * Register a tenant. Handled outside the aggregate ({@link TenantCreationHandler}) so that a retried create
 * with the same id is answered idempotently.
 */
public record CreateTenantCommand(TenantId tenantId, String slug, String country, String adminEmail,
                                  TenantConfiguration configuration, PlanTerms planTerms) {
}
