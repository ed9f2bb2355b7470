package dev.orgservice.command.tenant;

import dev.orgservice.platform.ratelimit.TenantPlans;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The tenant's plan from the command side's registry, for rate limits. */
@Component
class RegistryTenantPlans implements TenantPlans {

    private final JdbcTemplate jdbc;

    RegistryTenantPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String planOf(UUID tenantId) {
        return jdbc.queryForList("select plan from event_store.tenant_registry where tenant_id = ?", String.class, tenantId)
                .stream().findFirst().orElse(null);
    }
}
