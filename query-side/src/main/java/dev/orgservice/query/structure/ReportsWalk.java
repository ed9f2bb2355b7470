package dev.orgservice.query.structure;

import dev.orgservice.api.view.ChainLinkView;
import dev.orgservice.api.view.PageView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowMapper;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who reports to a position, directly or (with {@code indirect}) at any depth, breadth first: the inverse of the
 * read model's {@code chain_walk}, with the lines in effect at {@code asOf} and without the positions closed then.
 * A position's direct reports are those with an explicit line to it, then, if it is its unit's first manager, the
 * unit's other positions without one, and below the unit the first manager (without an explicit line) of each
 * child unit, descending through child units without a manager, whose positions count too. Read one level at a
 * time: each statement answers for the whole level (its explicit reports, its units' managers, members and
 * children, and at the end the page's holders), where asking for each position alone took 37 s and about 400,000
 * round trips for the 99,999 positions below the head of a 100,000-unit tree.
 */
final class ReportsWalk {

    /** Each statement: the ids, then {@code asOf} three times (the lines in effect, and the position not closed). */
    private static final String LINES_AT = "l.valid_from <= ? and (l.valid_to is null or l.valid_to > ?) "
            + "and (p.closed_from is null or p.closed_from > ?) ";
    private static final String EXPLICIT = PositionQueries.POSITIONS + "where l.reports_to_position_id = any(?) and "
            + LINES_AT + "order by p.created_at, p.position_id";
    private static final String FIRST_MANAGERS = "select distinct on (l.unit_id) " + PositionQueries.POSITION_WITH_LINES
            + "where l.unit_id = any(?) and l.manager and " + LINES_AT
            + "order by l.unit_id, l.role_since, p.created_at, p.position_id";
    private static final String MEMBERS = PositionQueries.POSITIONS + "where l.unit_id = any(?) and "
            + "l.reports_to_position_id is null and " + LINES_AT + "order by p.created_at, p.position_id";
    private static final String CHILDREN = "select c.parent_id, c.unit_id from read_model.unit_parent c "
            + "where c.parent_id = any(?) and c.valid_from <= ? and (c.valid_to is null or c.valid_to > ?) "
            + "order by c.parent_id, c.code";
    private static final String HOLDERS = "select position_id, person_id from read_model.position_holder "
            + "where position_id = any(?) and valid_from <= ? and (valid_to is null or valid_to > ?)";

    /** A unit still to look into for a manager's implicit reports. */
    private record Governed(UUID managerId, UUID unitId) {
    }

    private final JdbcTemplate jdbc;
    private final RowMapper<PositionQueries.Position> positions;
    private final OffsetDateTime asOf;
    /**
     * Each unit's first manager at {@code asOf} (null: none), as far as the walk has asked: the managers a generation
     * of units below hands over are the next level, whose own units would otherwise be asked for again.
     */
    private final Map<UUID, PositionQueries.Position> firstManagers = new HashMap<>();

    ReportsWalk(JdbcTemplate jdbc, RowMapper<PositionQueries.Position> positions, OffsetDateTime asOf) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.asOf = asOf;
    }

    /**
     * A page of the reports in the order the walk meets them, each with its holder at {@code asOf} (none: vacant).
     * {@code total} counts them all, and no cheaper count follows the same rules, so every page walks to the end;
     * stopping at the page's last report would leave the total unknown. Only the page's holders are read.
     */
    PageView<ChainLinkView> page(PositionQueries.Position top, boolean indirect, int page, int size) {
        List<PositionQueries.Position> all = below(top, indirect);
        int from = (int) Math.min((long) page * size, all.size());
        List<PositionQueries.Position> items = all.subList(from, Math.min(from + size, all.size()));
        Map<UUID, String> holders = holders(ids(items));
        return new PageView<>(items.stream().map(p -> new ChainLinkView(p.id(), p.unitId(), p.title(),
                holders.get(p.id()), holders.get(p.id()) == null)).toList(), page, size, all.size());
    }

    private List<PositionQueries.Position> below(PositionQueries.Position top, boolean indirect) {
        Set<UUID> seen = new HashSet<>(Set.of(top.id()));
        List<PositionQueries.Position> found = new ArrayList<>();
        List<PositionQueries.Position> level = List.of(top);
        while (!level.isEmpty()) {
            Map<UUID, List<PositionQueries.Position>> reports = directReports(level);
            List<PositionQueries.Position> next = new ArrayList<>();
            for (PositionQueries.Position manager : level) {
                for (PositionQueries.Position report : reports.getOrDefault(manager.id(), List.of())) {
                    if (seen.add(report.id())) {
                        found.add(report);
                        next.add(report);
                    }
                }
            }
            level = indirect ? next : List.of();
        }
        return found;
    }

    /** Each manager's direct reports, in the order of the class comment. */
    private Map<UUID, List<PositionQueries.Position>> directReports(List<PositionQueries.Position> level) {
        Map<UUID, List<PositionQueries.Position>> reports = new HashMap<>();
        for (PositionQueries.Position report : query(EXPLICIT, ids(level))) {
            reports.computeIfAbsent(report.reportsTo(), id -> new ArrayList<>()).add(report);
        }
        Map<UUID, PositionQueries.Position> firstManagers = firstManagersOf(
                level.stream().map(PositionQueries.Position::unitId).distinct().toList());
        List<PositionQueries.Position> unitManagers = level.stream()
                .filter(m -> firstManagers.containsKey(m.unitId()) && firstManagers.get(m.unitId()).id().equals(m.id()))
                .toList();
        if (unitManagers.isEmpty()) {
            return reports;
        }
        List<UUID> managedUnits = unitManagers.stream().map(PositionQueries.Position::unitId).toList();
        Map<UUID, List<PositionQueries.Position>> members = grouped(query(MEMBERS, managedUnits));
        Map<UUID, List<UUID>> children = children(managedUnits);
        List<Governed> below = new ArrayList<>();
        for (PositionQueries.Position manager : unitManagers) {
            members.getOrDefault(manager.unitId(), List.of()).stream().filter(p -> !p.id().equals(manager.id()))
                    .forEach(p -> reports.computeIfAbsent(manager.id(), id -> new ArrayList<>()).add(p));
            children.getOrDefault(manager.unitId(), List.of()).forEach(c -> below.add(new Governed(manager.id(), c)));
        }
        // the units below, a generation at a time: a child unit's first manager, or its people and its children
        while (!below.isEmpty()) {
            List<UUID> units = below.stream().map(Governed::unitId).toList();
            Map<UUID, PositionQueries.Position> managers = firstManagersOf(units);
            List<UUID> withoutManager = units.stream().filter(u -> !managers.containsKey(u)).toList();
            Map<UUID, List<PositionQueries.Position>> people = grouped(query(MEMBERS, withoutManager));
            Map<UUID, List<UUID>> grandchildren = children(withoutManager);
            List<Governed> next = new ArrayList<>();
            for (Governed g : below) {
                List<PositionQueries.Position> list = reports.computeIfAbsent(g.managerId(), id -> new ArrayList<>());
                PositionQueries.Position manager = managers.get(g.unitId());
                if (manager != null) {
                    if (manager.reportsTo() == null) {
                        list.add(manager);
                    }
                } else {
                    list.addAll(people.getOrDefault(g.unitId(), List.of()));
                    grandchildren.getOrDefault(g.unitId(), List.of())
                            .forEach(c -> next.add(new Governed(g.managerId(), c)));
                }
            }
            below.clear();
            below.addAll(next);
        }
        return reports;
    }

    /** The first manager of each of {@code units} that has one, asking only for the units not asked for before. */
    private Map<UUID, PositionQueries.Position> firstManagersOf(List<UUID> units) {
        List<UUID> unknown = units.stream().filter(unit -> !firstManagers.containsKey(unit)).distinct().toList();
        unknown.forEach(unit -> firstManagers.put(unit, null));
        query(FIRST_MANAGERS, unknown).forEach(manager -> firstManagers.put(manager.unitId(), manager));
        Map<UUID, PositionQueries.Position> known = new HashMap<>();
        units.forEach(unit -> {
            if (firstManagers.get(unit) != null) {
                known.put(unit, firstManagers.get(unit));
            }
        });
        return known;
    }

    private Map<UUID, List<UUID>> children(List<UUID> units) {
        Map<UUID, List<UUID>> children = new HashMap<>();
        if (!units.isEmpty()) {
            jdbc.query(withIds(CHILDREN, units, asOf, asOf), row -> {
                children.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                        .add(row.getObject(2, UUID.class));
            });
        }
        return children;
    }

    private Map<UUID, String> holders(List<UUID> positionIds) {
        Map<UUID, String> holders = new HashMap<>();
        if (!positionIds.isEmpty()) {
            jdbc.query(withIds(HOLDERS, positionIds, asOf, asOf), row -> {
                holders.put(row.getObject(1, UUID.class), row.getString(2));
            });
        }
        return holders;
    }

    private List<PositionQueries.Position> query(String sql, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : jdbc.query(withIds(sql, ids, asOf, asOf, asOf), positions);
    }

    /** A statement whose first parameter is an array of ids (a level can hold tens of thousands), then {@code more}. */
    private static PreparedStatementCreator withIds(String sql, Collection<UUID> ids, Object... more) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            for (int i = 0; i < more.length; i++) {
                statement.setObject(i + 2, more[i]);
            }
            return statement;
        };
    }

    private static List<UUID> ids(List<PositionQueries.Position> positions) {
        return positions.stream().map(PositionQueries.Position::id).toList();
    }

    private static Map<UUID, List<PositionQueries.Position>> grouped(List<PositionQueries.Position> positions) {
        Map<UUID, List<PositionQueries.Position>> byUnit = new HashMap<>();
        positions.forEach(p -> byUnit.computeIfAbsent(p.unitId(), id -> new ArrayList<>()).add(p));
        return byUnit;
    }
}
