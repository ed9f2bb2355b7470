package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantId;

/** A tenant command whose events change the tenant's registry row (status, plan, features): see {@link RegistryRowFirst}. */
public interface RegistryChange {

    TenantId tenantId();
}
