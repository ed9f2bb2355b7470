package dev.orgservice.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baselines: the best single SQL statement we know for each question the REST API answers, over the same
 * read-model tables, as of now, through one prepared statement on a plain JDBC connection (the owner role, so
 * no row-level security and no transaction around it). Each answers the same columns the API returns, and reads
 * every row, so the difference to the REST call is the service's own overhead.
 */
final class RawSql implements AutoCloseable {

    /** The row of a timeline valid at :asOf, as HierarchyQueries has it. */
    private static final String VALID = "%1$s.valid_from <= :asOf and (%1$s.valid_to is null or %1$s.valid_to > :asOf)";

    /** A unit's status from its parent row {@code %1$s}, as the API's queries take it (V8 of the read model). */
    private static final String STATUS = "case when %1$s.status_changed then (select st.status from "
            + "read_model.unit_status st where st.unit_id = %1$s.unit_id and " + VALID.formatted("st")
            + ") else 'ACTIVE' end as status";

    /**
     * Parent, grandparent ... root, with the same fields as the API's UnitSummaryView: a walk up the parent rows,
     * which carry each unit's summary.
     */
    static final String ANCESTORS = """
            with recursive up(unit_id, type, code, name, parent_id, status_changed, depth) as (
                select pa.unit_id, pa.type, pa.code, pa.name, pa.parent_id, pa.status_changed, 0
                from read_model.unit_parent pa where pa.unit_id = :unit and pa.tenant_id = :tenant and %s
              union all
                select pa.unit_id, pa.type, pa.code, pa.name, pa.parent_id, pa.status_changed, up.depth + 1
                from up join read_model.unit_parent pa on pa.unit_id = up.parent_id and %s
                where up.depth < 64)
            select unit_id, type, code, name, parent_id, depth, %s
            from up where depth > 0 order by depth""".formatted(VALID.formatted("pa"), VALID.formatted("pa"),
            STATUS.formatted("up"));

    /**
     * The management chain as one walk (the read model's {@code chain_walk}, which the service uses too, inlined by
     * PostgreSQL): one index lookup per link and per unit climbed.
     */
    private static final String WALK = """
            with recursive
            start as (
                select p.position_id from read_model.position_holder h
                join read_model.position p on p.position_id = h.position_id
                where h.tenant_id = :tenant and h.person_id = :person and %1$s
                order by h.valid_from, p.created_at, h.position_id limit 1),
            walk as (select w.* from start cross join lateral read_model.chain_walk(start.position_id, :asOf) w)
            """;

    static final String MANAGEMENT_CHAIN = (WALK + """
            select p.position_id, l.unit_id, p.title, h.person_id
            from walk w join read_model.position p on p.position_id = w.position_id
            join read_model.position_line l on l.position_id = p.position_id and %2$s
            left join lateral (select h.person_id from read_model.position_holder h
                               where h.position_id = p.position_id and %1$s limit 1) h on true
            where w.step > 0 order by w.step""").formatted(VALID.formatted("h"), VALID.formatted("l"));

    /**
     * The approval chain for the benchmark's data in one statement: the management chain walk, each manager's
     * holder, limit for the purpose in the currency and most recent delegation in force, cut at the first limit
     * that covers the amount. It knows only what that data needs (no vacancies, no requester in the chain,
     * delegations of one hop without scope or maximum); the service applies every rule.
     */
    static final String APPROVAL_CHAIN = (WALK + """
            , seats as (
                select w.step, p.position_id, l.unit_id, h.person_id, a.amount, d.delegate_id
                from walk w join read_model.position p on p.position_id = w.position_id
                join read_model.position_line l on l.position_id = p.position_id and %3$s
                left join lateral (select h.person_id from read_model.position_holder h
                                   where h.position_id = p.position_id and %1$s limit 1) h on true
                left join lateral (select aa.amount from read_model.approval_authority aa
                                   where aa.position_id = p.position_id and aa.purpose = :purpose
                                     and aa.currency = :currency and %2$s) a on true
                left join lateral (select d.delegate_id from read_model.delegation d
                                   where d.tenant_id = :tenant and d.delegator_id = h.person_id
                                     and :purpose = any(d.purposes) and d.valid_from <= :asOf and d.valid_to > :asOf
                                   order by d.granted_at desc limit 1) d on true
                where w.step > 0)
            select position_id, unit_id, coalesce(delegate_id, person_id) as approver, person_id, amount from seats
            where step <= (select min(step) from seats where amount >= :amount)
            order by step""").formatted(VALID.formatted("h"), VALID.formatted("aa"), VALID.formatted("l"));

    /**
     * The unit and its descendants, breadth first by code, one page, with the total: the API's subtree query, which
     * reads each unit's summary from its parent row (V8 of the read model) and its status from the status timeline
     * only if it was ever closed or reopened.
     */
    static final String SUBTREE = """
            with recursive down(unit_id, type, code, name, parent_id, status_changed, depth) as (
                select pa.unit_id, pa.type, pa.code, pa.name, pa.parent_id, pa.status_changed, 0
                from read_model.unit_parent pa where pa.unit_id = :unit and pa.tenant_id = :tenant and %s
              union all
                select c.unit_id, c.type, c.code, c.name, c.parent_id, c.status_changed, down.depth + 1
                from down join read_model.unit_parent c on c.parent_id = down.unit_id and %s
                where down.depth < 64)
            select unit_id, type, code, name, parent_id, depth, count(*) over () as total, %s
            from down order by depth, code limit :limit""".formatted(VALID.formatted("pa"), VALID.formatted("c"),
            STATUS.formatted("down"));

    private final Connection connection;
    private final Query ancestors;
    private final Query chain;
    private final Query subtree;
    private final Query approvals;

    RawSql(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        ancestors = new Query(connection, ANCESTORS);
        chain = new Query(connection, MANAGEMENT_CHAIN);
        subtree = new Query(connection, SUBTREE);
        approvals = new Query(connection, APPROVAL_CHAIN);
    }

    /** Ancestor ids, nearest first. */
    List<UUID> ancestors(UUID tenant, UUID unit) throws SQLException {
        return ancestors.ids(Map.of("tenant", tenant, "unit", unit, "asOf", now()));
    }

    /** Position ids of the chain, nearest manager first. */
    List<UUID> managementChain(UUID tenant, String person) throws SQLException {
        return chain.ids(Map.of("tenant", tenant, "person", person, "asOf", now()));
    }

    /** Unit ids of the first page of the subtree. */
    List<UUID> subtree(UUID tenant, UUID unit, int limit) throws SQLException {
        return subtree.ids(Map.of("tenant", tenant, "unit", unit, "asOf", now(), "limit", limit));
    }

    /** Position ids of the approvers, nearest first. */
    List<UUID> approvalChain(UUID tenant, String person, String purpose, BigDecimal amount, String currency)
            throws SQLException {
        return approvals.ids(Map.of("tenant", tenant, "person", person, "asOf", now(), "purpose", purpose,
                "amount", amount, "currency", currency));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** As the services bind asOf: a timestamptz in UTC. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A prepared statement written with :named parameters (JDBC only has '?'). */
    private static final class Query {

        private static final Pattern NAME = Pattern.compile("(?<!:):([a-zA-Z]+)");

        private final PreparedStatement statement;
        private final List<String> names = new ArrayList<>();

        Query(Connection connection, String sql) throws SQLException {
            Matcher matcher = NAME.matcher(sql);
            StringBuilder positional = new StringBuilder();
            while (matcher.find()) {
                names.add(matcher.group(1));
                matcher.appendReplacement(positional, "?");
            }
            matcher.appendTail(positional);
            statement = connection.prepareStatement(positional.toString());
        }

        /** Runs the query, reads every column of every row (as a client would), answers the first column. */
        List<UUID> ids(Map<String, Object> values) throws SQLException {
            for (int i = 0; i < names.size(); i++) {
                Object value = values.get(names.get(i));
                if (value == null) {
                    throw new IllegalArgumentException("no value for :" + names.get(i));
                }
                statement.setObject(i + 1, value);
            }
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                    for (int c = 2; c <= columns; c++) {
                        rows.getObject(c);
                    }
                }
            }
            return ids;
        }
    }
}
