package dev.orgservice.query.tenant;

import dev.orgservice.platform.ratelimit.TenantPlans;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The tenant's plan from the tenant read model (read by the projector role, across tenants), for rate limits. */
@Component
class ReadModelTenantPlans implements TenantPlans {

    private final JdbcTemplate jdbc;

    ReadModelTenantPlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String planOf(UUID tenantId) {
        return jdbc.queryForList("select plan from read_model.tenant where tenant_id = ?", String.class, tenantId)
                .stream().findFirst().orElse(null);
    }
}
