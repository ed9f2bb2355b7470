package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.platform.problem.OrgException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * <p>
 * Each row read is also remembered with its revision (PostgreSQL's {@code xmin}, which every update of the row
 * changes), so that a command on a cached tree can take it on trust and have it checked at its append instead
 * ({@link #adoptKnownRow}, {@code DeferredStoreCheck}).
 */
@Component
public class RegistryTenantGuard implements TenantGuard {

    private static final String ROW = """
            select status, plan, max_units, max_positions, enabled_by_default,
                   array(select key from jsonb_each_text(feature_overrides) where value = 'true') as switched_on,
                   array(select key from jsonb_each_text(feature_overrides) where value = 'false') as switched_off,
                   xmin::text as revision%s
            from event_store.tenant_registry where tenant_id = ? for share""";
    private static final String SELECT_ROW = ROW.formatted("");
    private static final String SELECT_ROW_AND_TREE_VERSION = ROW.formatted(",\n       (select max(sequence_number) "
            + "from event_store.domain_event_entry where aggregate_identifier = ?) as tree_version");
    private static final RowMapper<Row> ROW_MAPPER = (row, n) -> new Row(TenantStatus.valueOf(row.getString(1)),
            new PlanLimits(row.getString(2), row.getInt(3), row.getInt(4), enabledFeatures(row)),
            row.getString("revision"));
    /** Enough for every tenant a busy instance serves; a tenant not among them is read (and locked) per command. */
    private static final int KNOWN_ROWS = 10_000;

    private final JdbcTemplate jdbc;
    private final Cache<UUID, Row> knownRows = Caffeine.newBuilder().maximumSize(KNOWN_ROWS).build();

    RegistryTenantGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The registry row, as this command read it; {@code revision}: its {@code xmin}. */
    private record Row(TenantStatus status, PlanLimits limits, String revision) {
    }

    /**
     * The registry row's revision and the tree's stored version, read under the row's lock.
     *
     * @param treeVersion the last sequence number stored for the tree; null when it has no events
     */
    public record LockedRow(String revision, Long treeVersion) {
    }

    @Override
    public PlanLimits requireActive(UUID tenantId) {
        Row row = lockedInThisCommand(tenantId)
                .or(() -> jdbc.query(SELECT_ROW, ROW_MAPPER, tenantId).stream().findFirst().map(read -> known(tenantId, read)))
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
     * Locks the tenant's registry row for this command (as {@link #requireActive} would) and answers its revision
     * with the last sequence number stored for {@code treeId}; null when the tenant is not registered
     * ({@link #requireActive} then refuses the command).
     */
    public LockedRow lockWithTreeVersion(UUID tenantId, String treeId) {
        List<LockedRow> rows = jdbc.query(SELECT_ROW_AND_TREE_VERSION, (row, n) -> {
            Row read = known(tenantId, ROW_MAPPER.mapRow(row, n));
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().resources().put(key(tenantId), read));
            return new LockedRow(read.revision(), row.getObject("tree_version", Long.class));
        }, treeId, tenantId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Lets this command use the tenant's registry row as this instance last read it, unread and unlocked: its
     * revision, to be checked before the command's outcome counts; null when the row is not known here.
     */
    public String adoptKnownRow(UUID tenantId) {
        Row row = knownRows.getIfPresent(tenantId);
        if (row == null || !CurrentUnitOfWork.isStarted()) {
            return null;
        }
        CurrentUnitOfWork.get().root().resources().put(key(tenantId), row);
        return row.revision();
    }

    /** Forgets the row this instance read: the tenant's next command reads it again. */
    public void forget(UUID tenantId) {
        knownRows.invalidate(tenantId);
    }

    /** Forgets every row this instance read (their changes may have gone unheard: {@link RegistryChanges}). */
    void forgetAll() {
        knownRows.invalidateAll();
    }

    /** Whether this instance remembers the tenant's row, so that its next command on a cached tree reads nothing. */
    public boolean remembers(UUID tenantId) {
        return knownRows.getIfPresent(tenantId) != null;
    }

    private Row known(UUID tenantId, Row row) {
        knownRows.put(tenantId, row);
        return row;
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
