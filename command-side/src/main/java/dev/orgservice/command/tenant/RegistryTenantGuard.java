package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.platform.problem.OrgException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the tenant's registry row {@code FOR SHARE} inside the command's transaction: a concurrent suspension
 * (which updates that row) waits for this command to commit, so it cannot slip between check and append.
 */
@Component
class RegistryTenantGuard implements TenantGuard {

    private final JdbcTemplate jdbc;

    RegistryTenantGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PlanLimits requireActive(UUID tenantId) {
        var rows = jdbc.query("""
                select status, plan, max_units, max_positions, enabled_by_default,
                       array(select key from jsonb_each_text(feature_overrides) where value = 'true') as switched_on,
                       array(select key from jsonb_each_text(feature_overrides) where value = 'false') as switched_off
                from event_store.tenant_registry where tenant_id = ? for share""",
                (row, n) -> Map.entry(TenantStatus.valueOf(row.getString(1)), new PlanLimits(row.getString(2),
                        row.getInt(3), row.getInt(4), enabledFeatures(row))), tenantId);
        if (rows.isEmpty()) {
            throw OrgException.notFound("Tenant " + tenantId);
        }
        TenantStatus status = rows.get(0).getKey();
        if (status == TenantStatus.SUSPENDED) {
            throw new OrgException(ErrorCode.TENANT_SUSPENDED, "Tenant " + tenantId + " is suspended; its organization "
                    + "cannot be changed until it is reactivated", Map.of("currentStatus", status));
        }
        if (status != TenantStatus.ACTIVE) {
            throw new OrgException(ErrorCode.TENANT_NOT_ACTIVE, "Tenant " + tenantId + " is " + status
                    + "; organization changes need an ACTIVE tenant", Map.of("currentStatus", status));
        }
        return rows.get(0).getValue();
    }

    /** Plan defaults plus the tenant's switches; null when the registry row predates feature toggles. */
    private static Set<String> enabledFeatures(ResultSet row) throws SQLException {
        Array defaults = row.getArray("enabled_by_default");
        if (defaults == null) {
            return null;
        }
        Set<String> enabled = new HashSet<>(Arrays.asList((String[]) defaults.getArray()));
        enabled.addAll(Arrays.asList((String[]) row.getArray("switched_on").getArray()));
        Arrays.asList((String[]) row.getArray("switched_off").getArray()).forEach(enabled::remove);
        return Set.copyOf(enabled);
    }
}
