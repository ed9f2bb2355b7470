package dev.orgservice.query.structure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.view.PageView;
import dev.orgservice.api.view.UnitSummaryView;
import dev.orgservice.api.view.UnitView;
import dev.orgservice.query.storage.TenantScopedReads;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.instant;
import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * Hierarchy questions as of an instant, answered with recursive CTEs over the parent timeline. Every query
 * runs under row-level security for the caller's tenant.
 */
@Component
public class HierarchyQueries {

    /** The row of a timeline valid at :asOf. */
    private static final String VALID = "%1$s.valid_from <= :asOf and (%1$s.valid_to is null or %1$s.valid_to > :asOf)";
    private static final String STATUS_AT = "left join lateral (select st.status from read_model.unit_status st "
            + "where st.unit_id = u.unit_id and " + VALID.formatted("st") + ") s on true";
    private static final String PARENT_AT = "join lateral (select pa.parent_id from read_model.unit_parent pa "
            + "where pa.unit_id = u.unit_id and " + VALID.formatted("pa") + ") p on true";
    /** The deepest walk: the subtree's depth limit, and the same bound as ancestors_of in R__tenant_reads.sql. */
    private static final int MAX_DEPTH = 64;
    /**
     * A walk up from {@code :unit} through its parents at {@code :asOf}: rows {@code up(unit_id, depth)}, the unit
     * itself at depth 0; the statement that follows selects from {@code up}.
     */
    public static final String UP_FROM_UNIT = """
            with recursive up(unit_id, depth) as (
                select cast(:unit as uuid), 0
              union all
                select pa.parent_id, up.depth + 1 from up join read_model.unit_parent pa on pa.unit_id = up.unit_id
                  and pa.valid_from <= :asOf and (pa.valid_to is null or pa.valid_to > :asOf)
                where pa.parent_id is not null and up.depth < %d)
            """.formatted(MAX_DEPTH);
    /** What a {@link UnitSummaryView} needs of a unit: not its details, which would widen every sorted row. */
    private static final String SUMMARY_COLUMNS = "u.unit_id, u.type, u.code, u.name";

    // Each statement's text is put together once, here: formatting it per read was a quarter of the ancestors'
    // CPU in the service (docs/benchmarks.md).
    /**
     * The details of unit {@code u} in force at {@code :detailsAsOf}: those the first change after it replaced, or the
     * current ones (details change at once, not effective-dated; V27). {@code :detailsAsOf} null: the current ones, for
     * a read without {@code asOf}, which must show a change at the command's position whatever the clocks of the
     * instance that recorded it (its recorded time) and of this one (a review found the old details shown).
     */
    public static final String DETAILS_AT = "coalesce((select c.details_before from read_model.unit_details_change c "
            + "where c.unit_id = u.unit_id and c.changed_at > cast(:detailsAsOf as timestamptz) "
            + "order by c.changed_at limit 1), u.details)";
    private static final String UNIT = "select u.*, " + DETAILS_AT + " as details_at, p.parent_id, s.status "
            + "from read_model.unit u " + PARENT_AT + " " + STATUS_AT + " where u.unit_id = :unitId";
    // The walks over the parent timeline are functions of the read model (R__tenant_reads.sql) that set the tenant
    // themselves: one round trip each (TenantScopedReads.inOneStatement).
    private static final String ANCESTORS_OF = "select * from read_model.ancestors_of(?, ?, ?)";
    private static final String CHILDREN_OF = "select * from read_model.children_of(?, ?, ?, ?, ?)";
    private static final String SUBTREE_OF = "select * from read_model.subtree_of(?, ?, ?, ?, ?, ?)";
    /** The ancestors inside a tenant transaction (the tenant set again, to the same value, by the function). */
    private static final String PATH_UP = "select * from read_model.ancestors_of(:tenantId, :unitId, :asOf)";
    /** A page of units with their parent and status at {@code :asOf}, filtered, counted, in code order. */
    private static final String FILTERED_PAGE = ", p.parent_id, s.status, null as depth, count(*) over () as total "
            + "from %s " + PARENT_AT + " " + STATUS_AT + " " + """
             where u.tenant_id = :tenantId
               and (cast(:type as varchar) is null or u.type = :type)
               and (cast(:status as varchar) is null or s.status = :status) and u.code > :after
             order by u.code limit :limit offset :offset""";
    /**
     * Units whose code or a word of whose name starts with {@code q}: a range of the search keys (V12) between the
     * prefix and the string after all that start with it, compared with the pattern operators, which row-level
     * security lets use the index (as it does not {@code lower(code) like 'fin%'}).
     */
    private static final String SEARCH_MATCHING = """
            with found as materialized (
                select distinct k.unit_id from read_model.unit_search_key k
                where k.tenant_id = :tenantId and k.key ~>=~ :prefix and k.key ~<~ :afterPrefix)
            """ + "select " + SUMMARY_COLUMNS
            + FILTERED_PAGE.formatted("found f join read_model.unit u on u.unit_id = f.unit_id");
    /**
     * Without a prefix or a status, the list is a page of the units created by {@code :asOf} (a unit exists from
     * its {@code created_from} on: its parent timeline starts there and has no gaps), and the parent and status are
     * looked up for that page alone, with the total counted on the units. Counted with a window over the whole
     * list, it took 0.46 s on a 100,000-unit tenant, whichever page was asked for.
     */
    private static final String UNITS_CREATED = """
            from read_model.unit u where u.tenant_id = :tenantId and u.created_from <= :asOf and u.code > :after
               and (cast(:type as varchar) is null or u.type = :type)""";
    private static final String LIST_PAGE = "select " + SUMMARY_COLUMNS + ", p.parent_id, s.status, null as depth "
            + "from (select * " + UNITS_CREATED + " order by u.code limit :limit offset :offset) u " + PARENT_AT + " "
            + STATUS_AT + " order by u.code";
    private static final String LIST_TOTAL = "select count(*) " + UNITS_CREATED;
    /**
     * With a status but no prefix, a page no longer counts the whole list with a window (0.6-1.3 s on a 100,000-unit
     * tenant, whichever page). Closed units, usually few, are found through a partial index of the closed rows (V23)
     * and sorted; active ones are the units created by {@code :asOf} in code order, checked until the page is full.
     * The active ones' total is the units created less the closed ones.
     */
    private static final String CLOSED_UNITS = """
            from read_model.unit_status st
            join lateral (select u.* from read_model.unit u where u.unit_id = st.unit_id and u.created_from <= :asOf
                          limit 1) u on true
            """;
    private static final String CLOSED_AT = """
             where st.tenant_id = :tenantId and st.status = 'CLOSED' and %s and u.code > :after
               and (cast(:type as varchar) is null or u.type = :type)""".formatted(VALID.formatted("st"));
    private static final String CLOSED_PAGE = "select " + SUMMARY_COLUMNS + ", p.parent_id, u.status, null as depth "
            + "from (select " + SUMMARY_COLUMNS + ", st.status " + CLOSED_UNITS + CLOSED_AT
            + " order by u.code limit :limit offset :offset) u " + PARENT_AT + " order by u.code";
    private static final String CLOSED_TOTAL = "select count(*) " + CLOSED_UNITS + CLOSED_AT;
    private static final String ACTIVE_PAGE = "select " + SUMMARY_COLUMNS + ", p.parent_id, s.status, null as depth "
            + "from (select * " + UNITS_CREATED + ") u " + STATUS_AT + " " + PARENT_AT
            + " where s.status = 'ACTIVE' order by u.code limit :limit offset :offset";
    private static final String EXISTS_AT = "select exists (select 1 from read_model.unit_parent pa "
            + "where pa.unit_id = :unitId and " + VALID.formatted("pa") + ")";
    private static final String COUNT_SUBTREE = """
            with recursive down(unit_id, depth) as (
                select :unitId::uuid, 0
              union all
                select c.unit_id, down.depth + 1 from down
                join read_model.unit_parent c on c.parent_id = down.unit_id and %s
                where down.depth < :maxDepth)
            select count(*) from down""".formatted(VALID.formatted("c"));
    private static final String COUNT_CHILDREN = "select count(*) from read_model.unit_parent c "
            + "where c.parent_id = :unitId and " + VALID.formatted("c");

    private final TenantScopedReads reads;
    private final ObjectMapper json;

    public HierarchyQueries(TenantScopedReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    /** @param asOfGiven false: {@code asOf} is now by default, and the details are the current ones */
    public Optional<UnitView> unit(UUID tenantId, UUID unitId, Instant asOf, boolean asOfGiven) {
        return reads.forTenant(tenantId, sql -> {
            var params = params(unitId, asOf).addValue("tenantId", tenantId)
                    .addValue("detailsAsOf", asOfGiven ? utc(asOf) : null);
            List<UnitView> found = sql.query(UNIT, params, (row, n) -> unitView(row, asOf));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            List<UUID> path = new ArrayList<>(sql.query(PATH_UP, params, SUMMARY).stream().map(UnitSummaryView::unitId)
                    .toList());
            Collections.reverse(path);
            path.add(unitId);
            UnitView unit = found.get(0);
            return Optional.of(new UnitView(unit.unitId(), unit.type(), unit.code(), unit.name(), unit.status(),
                    unit.parentId(), path, path.size() - 1, unit.existsFrom(), unit.details(), asOf, unit.revision()));
        });
    }

    /** Nearest first: parent, grandparent ... root. Empty when the unit does not exist at {@code asOf}. */
    public Optional<List<UnitSummaryView>> ancestors(UUID tenantId, UUID unitId, Instant asOf) {
        return foundOrAbsent(reads.inOneStatement(tenantId, ANCESTORS_OF, SUMMARY, unitId, utc(asOf)), tenantId, unitId,
                asOf);
    }

    /** A page of the direct children at {@code asOf}, by code. Empty when the unit does not exist then. */
    public Optional<PageView<UnitSummaryView>> children(UUID tenantId, UUID unitId, Instant asOf, int page, int size) {
        List<Long> total = new ArrayList<>(1);
        List<UnitSummaryView> items = reads.inOneStatement(tenantId, CHILDREN_OF, counted(total), unitId, utc(asOf),
                size, (long) page * size);
        return pageOrAbsent(items, total, tenantId, params(unitId, asOf), COUNT_CHILDREN, page, size);
    }

    /** The unit itself (depth 0) and its descendants down to {@code maxDepth}, breadth first, paged. */
    public Optional<PageView<UnitSummaryView>> subtree(UUID tenantId, UUID unitId, Instant asOf, int maxDepth, int page,
                                                       int size) {
        int depthLimit = Math.min(maxDepth, MAX_DEPTH);
        List<Long> total = new ArrayList<>(1);
        List<UnitSummaryView> items = reads.inOneStatement(tenantId, SUBTREE_OF, counted(total), unitId, utc(asOf),
                depthLimit, size, (long) page * size);
        return pageOrAbsent(items, total, tenantId, params(unitId, asOf).addValue("maxDepth", depthLimit),
                COUNT_SUBTREE, page, size);
    }

    /**
     * A page whose rows carried the list's total; an empty one (a page past the end, or no such unit at
     * {@code asOf}) is looked into with one more read, which counts the list with {@code count}.
     */
    private Optional<PageView<UnitSummaryView>> pageOrAbsent(List<UnitSummaryView> items, List<Long> total,
                                                             UUID tenantId, MapSqlParameterSource params, String count,
                                                             int page, int size) {
        if (!items.isEmpty()) {
            return Optional.of(new PageView<>(items, page, size, total.get(0)));
        }
        return reads.forTenant(tenantId, sql -> existsAt(sql, params)
                ? Optional.of(new PageView<>(items, page, size, count(sql, count, params))) : Optional.empty());
    }

    private static long count(NamedParameterJdbcTemplate sql, String statement, MapSqlParameterSource params) {
        Long count = sql.queryForObject(statement, params, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * A page of the units existing at {@code asOf} that pass the filter (its status is the one at that time), by code;
     * {@code total} counts them all, those on earlier pages included.
     */
    public PageView<UnitSummaryView> search(UUID tenantId, UnitFilter filter, Instant asOf, int page, int size) {
        UnitType type = filter.type();
        UnitStatus status = filter.status();
        String q = filter.q();
        return reads.forTenant(tenantId, sql -> {
            // lower-cased as the keys are, by PostgreSQL: Java's rules differ (a final sigma, a dotted capital I)
            String text = q == null || q.isBlank() ? null
                    : sql.getJdbcTemplate().queryForObject("select lower(?)", String.class, q.trim());
            var params = new MapSqlParameterSource().addValue("asOf", utc(asOf)).addValue("tenantId", tenantId)
                    .addValue("type", type == null ? null : type.name())
                    .addValue("status", status == null ? null : status.name())
                    .addValue("after", filter.after() == null ? "" : filter.after()) // no code is empty
                    .addValue("limit", size).addValue("offset", (long) page * size);
            if (text != null) {
                params.addValue("prefix", text).addValue("afterPrefix", afterPrefix(text));
            }
            if (text == null && status == null) {
                return new PageView<>(sql.query(LIST_PAGE, params, SUMMARY), page, size, count(sql, LIST_TOTAL, params));
            }
            if (text == null) {
                long closed = count(sql, CLOSED_TOTAL, params);
                return status == UnitStatus.CLOSED
                        ? new PageView<>(sql.query(CLOSED_PAGE, params, SUMMARY), page, size, closed)
                        : new PageView<>(sql.query(ACTIVE_PAGE, params, SUMMARY), page, size,
                                count(sql, LIST_TOTAL, params) - closed);
            }
            List<Long> total = new ArrayList<>(1);
            RowMapper<UnitSummaryView> counted = counted(total);
            List<UnitSummaryView> items = sql.query(SEARCH_MATCHING, params, counted);
            if (items.isEmpty() && page > 0) { // past the end: the first row of the list carries the total
                sql.query(SEARCH_MATCHING, params.addValue("limit", 1).addValue("offset", 0L), counted);
            }
            return new PageView<>(items, page, size, total.isEmpty() ? 0 : total.get(0));
        });
    }

    /**
     * A list read about a unit: an empty answer is only looked into (one more read) when it could mean that the
     * unit does not exist at {@code asOf}; a unit's ancestors are usually there, so most reads take one round trip.
     */
    private <T> Optional<List<T>> foundOrAbsent(List<T> rows, UUID tenantId, UUID unitId, Instant asOf) {
        return !rows.isEmpty() || reads.forTenant(tenantId, sql -> existsAt(sql, params(unitId, asOf)))
                ? Optional.of(rows) : Optional.empty();
    }

    /** Whether the unit exists at {@code asOf}, inside a tenant's read. */
    static boolean existsAt(NamedParameterJdbcTemplate sql, UUID unitId, Instant asOf) {
        return existsAt(sql, params(unitId, asOf));
    }

    private static boolean existsAt(NamedParameterJdbcTemplate sql, MapSqlParameterSource params) {
        return Boolean.TRUE.equals(sql.queryForObject(EXISTS_AT, params, Boolean.class));
    }

    private static MapSqlParameterSource params(UUID unitId, Instant asOf) {
        return new MapSqlParameterSource().addValue("unitId", unitId).addValue("asOf", utc(asOf));
    }

    /**
     * A unit summary by column position: ancestors_of, children_of, subtree_of (R__tenant_reads.sql) and SEARCH
     * all return unit_id, type, code, name, parent_id, status, depth first, in that order. Looking each column up
     * by name was a sixth of a 1,000-unit subtree's time in the service (docs/benchmarks.md).
     */
    private static final RowMapper<UnitSummaryView> SUMMARY = (row, n) -> {
        String status = row.getString(6);
        return new UnitSummaryView(row.getObject(1, UUID.class), UnitType.valueOf(row.getString(2)),
                row.getString(3), row.getString(4), status == null ? null : UnitStatus.valueOf(status),
                row.getObject(5, UUID.class), (Integer) row.getObject(7));
    };
    /** The position of the window count of subtree_of, children_of and SEARCH, after the summary's columns. */
    private static final int TOTAL = 8;

    /** Summaries whose rows carry the list's total, which goes into {@code total}. */
    private static RowMapper<UnitSummaryView> counted(List<Long> total) {
        return (row, n) -> {
            total.add(row.getLong(TOTAL));
            return SUMMARY.mapRow(row, n);
        };
    }

    private UnitView unitView(ResultSet row, Instant asOf) throws SQLException {
        try {
            return new UnitView(row.getObject("unit_id", UUID.class), UnitType.valueOf(row.getString("type")),
                    row.getString("code"), row.getString("name"), status(row), row.getObject("parent_id", UUID.class),
                    List.of(), 0, instant(row, "created_from"),
                    json.readValue(row.getString("details_at"), UnitDetails.class), asOf,
                    (Long) row.getObject("revision"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable unit details", e);
        }
    }

    private static UnitStatus status(ResultSet row) throws SQLException {
        String status = row.getString("status");
        return status == null ? null : UnitStatus.valueOf(status);
    }

    /**
     * The least string greater than every string that starts with {@code prefix}: its last character's successor
     * (the pattern operators compare UTF-8 bytes, whose order is that of the characters). A last character that has
     * none, U+10FFFF, is passed over: every string below the successor of what precedes it starts with the prefix.
     */
    static String afterPrefix(String prefix) {
        int end = prefix.length();
        while (end > 0 && prefix.codePointBefore(end) == Character.MAX_CODE_POINT) {
            end -= Character.charCount(Character.MAX_CODE_POINT);
        }
        if (end == 0) {
            // only U+10FFFF: longer than any key (200 characters at most), so above all that start with it
            return prefix + Character.toString(Character.MAX_CODE_POINT).repeat(200);
        }
        int last = prefix.codePointBefore(end);
        int next = last == 0xD7FF ? 0xE000 : last + 1; // surrogates are no characters
        return prefix.substring(0, end - Character.charCount(last)) + Character.toString(next);
    }
}
