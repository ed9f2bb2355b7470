package dev.orgservice.platform.ratelimit;

import java.util.UUID;

/** Which plan a tenant is on, for its rate limit; each service answers from its own store. */
public interface TenantPlans {

    /** The plan's name, or null when the tenant is unknown. */
    String planOf(UUID tenantId);
}
