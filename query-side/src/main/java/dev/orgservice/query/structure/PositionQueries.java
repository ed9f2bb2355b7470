package dev.orgservice.query.structure;

import dev.orgservice.api.view.ChainLinkView;
import dev.orgservice.api.view.PageView;
import dev.orgservice.api.view.PositionView;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.query.storage.Pages;
import dev.orgservice.query.storage.SqlTimes;
import dev.orgservice.query.storage.TenantScopedReads;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * Reporting structure as of an instant. Who a position reports to: its explicit line if it has one, else the
 * manager of its unit (unless it is that manager), else the manager of the nearest ancestor unit that has one.
 * Vacant managers stay in the chain, marked vacant; the chain goes on above them.
 */
@Component
public class PositionQueries {

    record Position(UUID id, UUID unitId, String title, boolean manager, UUID reportsTo, List<UUID> dotted,
                    Instant closedFrom, Instant createdAt) {
    }

    private static final RowMapper<Position> POSITION = (row, n) -> new Position(
            row.getObject("position_id", UUID.class), row.getObject("unit_id", UUID.class), row.getString("title"),
            row.getBoolean("manager"), row.getObject("reports_to_position_id", UUID.class),
            uuids(row.getArray("dotted_line_to")), SqlTimes.instant(row, "closed_from"),
            SqlTimes.instant(row, "created_at"));

    /** After {@code select}: a position, its unit and its lines ({@code l}); add the condition and the lines' instant. */
    static final String POSITION_WITH_LINES = "p.position_id, l.unit_id, p.title, l.manager, p.closed_from, "
            + "p.created_at, l.reports_to_position_id, l.dotted_line_to from read_model.position p "
            + "join read_model.position_line l on l.position_id = p.position_id ";
    static final String POSITIONS = "select " + POSITION_WITH_LINES;

    /** Positions as views: with their lines ({@code l}) and holder ({@code h}) at {@code :asOf}, and revision. */
    private static final String VIEWS = "select h.person_id, p.revision, " + POSITION_WITH_LINES
            + "and l.valid_from <= :asOf and (l.valid_to is null or l.valid_to > :asOf) "
            + "left join read_model.position_holder h on h.position_id = p.position_id and h.valid_from <= :asOf "
            + "and (h.valid_to is null or h.valid_to > :asOf) ";
    /**
     * A unit's open positions, managers first (the first is the unit's manager: a manager there the longest, then the
     * earliest created), then by time there in their role and creation.
     */
    private static final String OF_UNIT = VIEWS + "where l.unit_id = :unitId and (p.closed_from is null "
            + "or p.closed_from > :asOf) order by l.manager desc, l.role_since, p.created_at, p.position_id "
            + "limit :limit offset :offset";
    private static final String COUNT_OF_UNIT = "select count(*) from read_model.position_line l "
            + "where l.unit_id = :unitId and l.valid_from <= :asOf and (l.valid_to is null or l.valid_to > :asOf) "
            + "and (l.closed_from is null or l.closed_from > :asOf)";
    /** After the cursor's position in the list's order (a range of the index of V25); none: from the start. */
    private static final String AFTER = "(p.created_at, p.position_id) > (coalesce(cast(:afterCreated as timestamptz), "
            + "'-infinity'), coalesce(cast(:after as uuid), '00000000-0000-0000-0000-000000000000'))";
    /** The tenant's positions open at {@code :asOf}, optionally only the vacant (or held) or manager (or not) ones. */
    private static final String OPEN_IN_TENANT = "where p.tenant_id = :tenantId "
            + "and (p.closed_from is null or p.closed_from > :asOf) "
            + "and (cast(:vacant as boolean) is null or (h.person_id is null) = :vacant) "
            + "and (cast(:manager as boolean) is null or l.manager = :manager) and " + AFTER + " ";
    private static final String CURSOR = "select created_at from read_model.position where position_id = :after";
    /** By creation, the order positions keep whatever changes (index: V25). */
    private static final String OF_TENANT = VIEWS + OPEN_IN_TENANT + "order by p.created_at, p.position_id "
            + "limit :limit offset :offset";
    /**
     * The same positions counted, the lines and the holder looked at only when a filter needs them (every position
     * has one line at every instant: its first is in effect from {@code -infinity}): the count of a whole tenant is a
     * scan of its positions.
     */
    private static final String COUNT_OF_TENANT = """
            select count(*) from read_model.position p where p.tenant_id = :tenantId
               and (p.closed_from is null or p.closed_from > :asOf) and %s
               and (cast(:vacant as boolean) is null or :vacant = not exists (select 1 from read_model.position_holder h
                    where h.position_id = p.position_id and h.valid_from <= :asOf
                      and (h.valid_to is null or h.valid_to > :asOf)))
               and (cast(:manager as boolean) is null or exists (select 1 from read_model.position_line l
                    where l.position_id = p.position_id and l.valid_from <= :asOf
                      and (l.valid_to is null or l.valid_to > :asOf) and l.manager = :manager))""".formatted(AFTER);
    /** A person's positions, the one they act from (held the longest, as acting_position decides) first. */
    private static final String HELD_BY = VIEWS + "where h.tenant_id = :tenantId and h.person_id = :personId "
            + "order by h.valid_from, p.created_at, p.position_id";

    /** The lines at {@code :asOf} of open positions with a dotted line to {@code :id} (index: V15). */
    private static final String DOTTED_LINES = "from read_model.position_line l join read_model.position p "
            + "on p.position_id = l.position_id and (p.closed_from is null or p.closed_from > :asOf) "
            + "where l.dotted_line_to <> '{}' and :id = any(l.dotted_line_to) and l.valid_from <= :asOf "
            + "and (l.valid_to is null or l.valid_to > :asOf) ";
    /** A page of them by creation, the holders looked up for the page alone. */
    private static final String DOTTED_REPORTS = "select d.position_id, d.unit_id, d.title, h.person_id from ("
            + "select p.position_id, l.unit_id, p.title, p.created_at " + DOTTED_LINES
            + "order by p.created_at, p.position_id limit :limit offset :offset) d "
            + "left join read_model.position_holder h on h.position_id = d.position_id and h.valid_from <= :asOf "
            + "and (h.valid_to is null or h.valid_to > :asOf) order by d.created_at, d.position_id";
    private static final String COUNT_DOTTED_REPORTS = "select count(*) " + DOTTED_LINES;

    /**
     * Who manages the unit at {@code :asOf}: a walk up from it through its parents at {@code :asOf}, taking at each
     * unit its first open manager position as chain_walk does (a manager there the longest, then the earliest
     * created: the index of V17), the nearest first.
     */
    private static final String MANAGER_AT_OR_ABOVE = HierarchyQueries.UP_FROM_UNIT + """
            select m.position_id from up cross join lateral (
                select m.position_id from read_model.position_line m where m.unit_id = up.unit_id and m.manager
                    and m.valid_from <= :asOf and (m.valid_to is null or m.valid_to > :asOf)
                    and (m.closed_from is null or m.closed_from > :asOf)
                order by m.role_since, m.created_at, m.position_id limit 1) m
            order by up.depth limit 1""";

    /** A function of the read model (R__tenant_reads.sql, on {@code chain_walk}): one round trip. */
    private static final String MANAGEMENT_CHAIN_OF = "select * from read_model.management_chain_of(?, ?, ?, ?)";

    /** Marks the row of a person whose chain is empty (they report to nobody). */
    private static final ChainLinkView NO_LINK = new ChainLinkView(null, null, null, null, true);

    private final TenantScopedReads reads;

    public PositionQueries(TenantScopedReads reads) {
        this.reads = reads;
    }

    public Optional<PositionView> position(UUID tenantId, UUID positionId, Instant asOf) {
        return reads.forTenant(tenantId, sql -> sql.query(VIEWS + "where p.position_id = :id",
                new MapSqlParameterSource("id", positionId).addValue("asOf", utc(asOf)), view(asOf)).stream().findFirst());
    }

    /** A page of the unit's positions open at {@code asOf}; empty if the unit does not exist then. */
    public Optional<PageView<PositionView>> ofUnit(UUID tenantId, UUID unitId, Instant asOf, int page, int size) {
        return reads.forTenant(tenantId, sql -> {
            if (!HierarchyQueries.existsAt(sql, unitId, asOf)) {
                return Optional.empty();
            }
            MapSqlParameterSource params = new MapSqlParameterSource("unitId", unitId).addValue("asOf", utc(asOf));
            return Optional.of(Pages.read(sql, OF_UNIT, COUNT_OF_UNIT, params, view(asOf), page, size));
        });
    }

    /**
     * A page of the tenant's positions open at {@code asOf}, by creation, with their holders: what an HR system
     * reconciles against. {@code vacant} and {@code manager}, when given, keep only the positions that are (or are
     * not) vacant or manager positions at {@code asOf}.
     */
    public PageView<PositionView> ofTenant(UUID tenantId, Instant asOf, PositionFilter filter, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("tenantId", tenantId).addValue("asOf", utc(asOf))
                .addValue("vacant", filter.vacant(), Types.BOOLEAN).addValue("manager", filter.manager(), Types.BOOLEAN)
                .addValue("after", filter.after(), Types.OTHER);
        return reads.forTenant(tenantId, sql -> {
            params.addValue("afterCreated", filter.after() == null ? null : cursor(sql, params),
                    Types.TIMESTAMP_WITH_TIMEZONE);
            return Pages.read(sql, OF_TENANT, COUNT_OF_TENANT, params, view(asOf), page, size);
        });
    }

    /** When the cursor's position was created: the list goes on after it. A position of another tenant is none. */
    private static Object cursor(NamedParameterJdbcTemplate sql, MapSqlParameterSource params) {
        return sql.queryForList(CURSOR, params, OffsetDateTime.class).stream().findFirst()
                .orElseThrow(() -> OrgException.invalid("The request parameters are invalid", "after",
                        "no position of this tenant"));
    }

    /**
     * The unit's manager at {@code asOf} with its holder, or, for a unit without one, the nearest ancestor's (the
     * view's {@code unitId} says whose); empty if no unit at or above it has one. A unit that does not exist at
     * {@code asOf} is {@code 404}.
     */
    public Optional<PositionView> managerOf(UUID tenantId, UUID unitId, Instant asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource("unit", unitId).addValue("asOf", utc(asOf));
        return reads.forTenant(tenantId, sql -> {
            if (!HierarchyQueries.existsAt(sql, unitId, asOf)) {
                throw OrgException.notFound("Unit " + unitId + " at that time");
            }
            return sql.queryForList(MANAGER_AT_OR_ABOVE, params, UUID.class).stream().findFirst()
                    .flatMap(manager -> sql.query(VIEWS + "where p.position_id = :id", params.addValue("id", manager),
                            view(asOf)).stream().findFirst());
        });
    }

    /** The positions the person holds at {@code asOf}. */
    public List<PositionView> heldBy(UUID tenantId, String personId, Instant asOf) {
        return reads.forTenant(tenantId, sql -> sql.query(HELD_BY, new MapSqlParameterSource("tenantId", tenantId)
                .addValue("personId", personId).addValue("asOf", utc(asOf)), view(asOf)));
    }

    private static RowMapper<PositionView> view(Instant asOf) {
        return (row, n) -> {
            Position p = POSITION.mapRow(row, n);
            String holder = row.getString("person_id");
            return new PositionView(p.id(), p.unitId(), p.title(), p.manager(), p.reportsTo(), p.dotted(), holder,
                    holder == null, p.closedFrom(), p.createdAt(), asOf, (Long) row.getObject("revision"));
        };
    }

    /**
     * Nearest manager first. The person's position is {@code positionId} when given (a person with several
     * positions), else the one they have held the longest at {@code asOf}. Empty if they hold none. A manager
     * position they hold themselves is left out (someone who heads a department and holds a position in it is not
     * their own manager; approval chains skip the requester the same way).
     */
    public Optional<List<ChainLinkView>> managementChain(UUID tenantId, String personId, UUID positionId, Instant asOf) {
        List<ChainLinkView> chain = reads.inOneStatement(tenantId, MANAGEMENT_CHAIN_OF, (row, n) ->
                !row.getBoolean("has_position") ? null
                : row.getObject("position_id") == null ? NO_LINK : new ChainLinkView(
                        row.getObject("position_id", UUID.class), row.getObject("unit_id", UUID.class),
                        row.getString("title"), row.getString("person_id"), row.getString("person_id") == null),
                personId, new SqlParameterValue(Types.OTHER, positionId), utc(asOf));
        if (chain.isEmpty() || chain.get(0) == null) {
            return Optional.empty();
        }
        Set<UUID> seen = new HashSet<>();
        return Optional.of(chain.stream().filter(link -> link != NO_LINK && !personId.equals(link.personId())
                && seen.add(link.positionId())).toList());
    }

    /**
     * A page of the direct reports, or with {@code indirect} of everyone below, breadth first. Empty if the position
     * does not exist.
     */
    public Optional<PageView<ChainLinkView>> reports(UUID tenantId, UUID positionId, boolean indirect, Instant asOf,
                                                     int page, int size) {
        return reads.forTenant(tenantId, sql -> find(sql, positionId, asOf).map(top ->
                new ReportsWalk(sql.getJdbcTemplate(), POSITION, utc(asOf)).page(top, indirect, page, size)));
    }

    /**
     * A page of the positions with a dotted (matrix) line to the position at {@code asOf}, by creation. Empty if it
     * does not exist.
     */
    public Optional<PageView<ChainLinkView>> dottedLineReports(UUID tenantId, UUID positionId, Instant asOf, int page,
                                                               int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", positionId).addValue("asOf", utc(asOf));
        return reads.forTenant(tenantId, sql -> find(sql, positionId, asOf).map(found -> Pages.read(sql,
                DOTTED_REPORTS, COUNT_DOTTED_REPORTS, params, (row, n) -> new ChainLinkView(
                        row.getObject("position_id", UUID.class), row.getObject("unit_id", UUID.class),
                        row.getString("title"), row.getString("person_id"), row.getString("person_id") == null),
                page, size)));
    }

    private static Optional<Position> find(NamedParameterJdbcTemplate sql, UUID positionId, Instant asOf) {
        return sql.query(POSITIONS + "where p.position_id = :id and l.valid_from <= :asOf "
                        + "and (l.valid_to is null or l.valid_to > :asOf)",
                new MapSqlParameterSource("id", positionId).addValue("asOf", utc(asOf)), POSITION).stream().findFirst();
    }

    private static List<UUID> uuids(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
