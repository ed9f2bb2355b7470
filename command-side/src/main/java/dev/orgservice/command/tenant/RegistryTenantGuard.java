package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.platform.problem.OrgException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the tenant's registry row {@code FOR SHARE} inside the command's transaction: a concurrent suspension
 * (which updates that row) waits for this command to commit, so it cannot slip between check and append.
 * A tree command with a cached tree reads the row together with the tree's stored version
 * ({@link #lockWithTreeVersion}, one round trip instead of two); the row is then kept in the command's unit of
 * work for {@link #requireActive}.
 */
@Component
public class RegistryTenantGuard implements TenantGuard {

    private static final String ROW = """
            select status, plan, max_units, max_positions, enabled_by_default,
                   array(select key from jsonb_each_text(feature_overrides) where value = 'true') as switched_on,
                   array(select key from jsonb_each_text(feature_overrides) where value = 'false') as switched_off%s
            from event_store.tenant_registry where tenant_id = ? for share""";
    private static final String SELECT_ROW = ROW.formatted("");
    private static final String SELECT_ROW_AND_TREE_VERSION = ROW.formatted(",\n       (select max(sequence_number) "
            + "from event_store.domain_event_entry where aggregate_identifier = ?) as tree_version");
    private static final RowMapper<Row> ROW_MAPPER = (row, n) -> new Row(TenantStatus.valueOf(row.getString(1)),
            new PlanLimits(row.getString(2), row.getInt(3), row.getInt(4), enabledFeatures(row)));

    private final JdbcTemplate jdbc;

    RegistryTenantGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The locked registry row, as this command read it. */
    private record Row(TenantStatus status, PlanLimits limits) {
    }

    private record RowAndTreeVersion(Row row, Long treeVersion) {
    }

    @Override
    public PlanLimits requireActive(UUID tenantId) {
        Row row = lockedInThisCommand(tenantId)
                .or(() -> jdbc.query(SELECT_ROW, ROW_MAPPER, tenantId).stream().findFirst())
                .orElseThrow(() -> OrgException.notFound("Tenant " + tenantId));
        if (row.status() == TenantStatus.SUSPENDED) {
            throw new OrgException(ErrorCode.TENANT_SUSPENDED, "Tenant " + tenantId + " is suspended; its organization "
                    + "cannot be changed until it is reactivated", Map.of("currentStatus", row.status()));
        }
        if (row.status() != TenantStatus.ACTIVE) {
            throw new OrgException(ErrorCode.TENANT_NOT_ACTIVE, "Tenant " + tenantId + " is " + row.status()
                    + "; organization changes need an ACTIVE tenant", Map.of("currentStatus", row.status()));
        }
        return row.limits();
    }

    /**
     * Locks the tenant's registry row for this command (as {@link #requireActive} would) and answers the last
     * sequence number stored for {@code treeId}: null when the tree has no events, or when the tenant is not
     * registered ({@link #requireActive} then refuses the command).
     */
    public Long lockWithTreeVersion(UUID tenantId, String treeId) {
        List<RowAndTreeVersion> rows = jdbc.query(SELECT_ROW_AND_TREE_VERSION, (row, n) -> new RowAndTreeVersion(
                ROW_MAPPER.mapRow(row, n), row.getObject("tree_version", Long.class)), treeId, tenantId);
        if (rows.isEmpty()) {
            return null;
        }
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().resources().put(key(tenantId), rows.get(0).row()));
        return rows.get(0).treeVersion();
    }

    private static Optional<Row> lockedInThisCommand(UUID tenantId) {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.root().<Row>getResource(key(tenantId)));
    }

    private static String key(UUID tenantId) {
        return RegistryTenantGuard.class.getName() + ".row." + tenantId;
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
