package dev.orgservice.query.structure;

import dev.orgservice.api.view.ChainLinkView;
import dev.orgservice.api.view.PositionView;
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
import java.util.ArrayList;
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
                    Instant closedFrom) {
    }

    private static final RowMapper<Position> POSITION = (row, n) -> new Position(
            row.getObject("position_id", UUID.class), row.getObject("unit_id", UUID.class), row.getString("title"),
            row.getBoolean("manager"), row.getObject("reports_to_position_id", UUID.class),
            uuids(row.getArray("dotted_line_to")), SqlTimes.instant(row, "closed_from"));

    /** After {@code select}: a position and its lines ({@code l}); add the condition and the lines' instant. */
    static final String POSITION_WITH_LINES = "p.position_id, p.unit_id, p.title, p.manager, p.closed_from, "
            + "l.reports_to_position_id, l.dotted_line_to from read_model.position p join read_model.position_line l on l.position_id = p.position_id ";
    static final String POSITIONS = "select " + POSITION_WITH_LINES;

    /** A function of the read model (R__tenant_reads.sql, on {@code chain_walk}): one round trip. */
    private static final String MANAGEMENT_CHAIN_OF = "select * from read_model.management_chain_of(?, ?, ?, ?)";

    /** Marks the row of a person whose chain is empty (they report to nobody). */
    private static final ChainLinkView NO_LINK = new ChainLinkView(null, null, null, null, true);

    private final TenantScopedReads reads;

    public PositionQueries(TenantScopedReads reads) {
        this.reads = reads;
    }

    public Optional<PositionView> position(UUID tenantId, UUID positionId, Instant asOf) {
        return reads.forTenant(tenantId, sql -> find(sql, positionId, asOf).map(p -> {
            String holder = holderAt(sql, p.id(), asOf);
            return new PositionView(p.id(), p.unitId(), p.title(), p.manager(), p.reportsTo(), p.dotted(), holder,
                    holder == null, p.closedFrom(), asOf);
        }));
    }

    /**
     * Nearest manager first. The person's position is {@code positionId} when given (a person with several
     * positions), else the one they have held the longest at {@code asOf}. Empty if they hold none.
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
        return Optional.of(chain.stream().filter(link -> link != NO_LINK && seen.add(link.positionId())).toList());
    }

    /** Direct reports, or with {@code indirect} everyone below, breadth first. Empty if the position does not exist. */
    public Optional<List<ChainLinkView>> reports(UUID tenantId, UUID positionId, boolean indirect, Instant asOf) {
        return reads.forTenant(tenantId, sql -> find(sql, positionId, asOf)
                .map(top -> new ReportsWalk(sql.getJdbcTemplate(), POSITION, utc(asOf)).below(top, indirect)));
    }

    private static Optional<Position> find(NamedParameterJdbcTemplate sql, UUID positionId, Instant asOf) {
        return sql.query(POSITIONS + "where p.position_id = :id and l.valid_from <= :asOf "
                        + "and (l.valid_to is null or l.valid_to > :asOf)",
                new MapSqlParameterSource("id", positionId).addValue("asOf", utc(asOf)), POSITION).stream().findFirst();
    }

    private static String holderAt(NamedParameterJdbcTemplate sql, UUID positionId, Instant asOf) {
        return sql.queryForList("""
                select person_id from read_model.position_holder where position_id = :id and valid_from <= :asOf
                and (valid_to is null or valid_to > :asOf)""",
                new MapSqlParameterSource("id", positionId).addValue("asOf", utc(asOf)), String.class)
                .stream().findFirst().orElse(null);
    }

    private static List<UUID> uuids(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
