package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The management chains as the read model walks them ({@code read_model.chain_walk}, R__tenant_reads.sql), so that
 * the tree can refuse a change after which one would lead back to where it started: a position reports to its
 * explicit solid line, else to its unit's manager (unless it is that manager), else to the manager of the nearest
 * ancestor unit that has one; a unit's manager is its open manager position that has been one there the longest
 * ({@link PositionNode#roleSince}), then the earliest created, then the lowest id (in PostgreSQL's order of uuids,
 * which is their text's).
 * <p>
 * A change can only close a loop through a position whose own next step changed or that became the next step of
 * others, so a change is checked by walking from those positions only (its "starts"), at its instant and at every
 * later instant before its end at which something the walk met changes: between two such instants the walk is the
 * same. The walk needs every position that ever sat in a unit ({@code positionsEverIn}); a check sees a change
 * before it is made through {@link #with(Map)} and {@link #withUnit}.
 */
final class ReportingChains {

    /** The positions to walk from at an instant; working them out may meet changes too. */
    @FunctionalInterface
    interface Starts {
        Collection<UUID> at(Instant at, Consumer<Instant> laterChanges);

        static Starts of(UUID positionId) {
            return (at, laterChanges) -> List.of(positionId);
        }
    }

    /** From {@code at}, the chain of {@code positionId} would lead back to it. */
    record Loop(UUID positionId, Instant at) {
    }

    private static final Comparator<UUID> POSTGRES_UUID_ORDER = Comparator.comparing(UUID::toString);

    private final Function<UUID, UnitNode> units;
    private final Function<UUID, PositionNode> positions;
    private final Function<UUID, Collection<UUID>> positionsEverIn;

    ReportingChains(Function<UUID, UnitNode> units, Function<UUID, PositionNode> positions,
                    Function<UUID, Collection<UUID>> positionsEverIn) {
        this.units = units;
        this.positions = positions;
        this.positionsEverIn = positionsEverIn;
    }

    /** The chains as they would be with these positions created or changed. */
    ReportingChains with(Map<UUID, PositionNode> changed) {
        Map<UUID, Set<UUID>> changedIn = new HashMap<>();
        changed.forEach((id, node) -> node.stays().forEach(stay ->
                changedIn.computeIfAbsent(stay.unitId(), unit -> new HashSet<>()).add(id)));
        return new ReportingChains(units, id -> changed.containsKey(id) ? changed.get(id) : positions.apply(id),
                unit -> {
                    Set<UUID> ids = changedIn.get(unit);
                    if (ids == null) {
                        return positionsEverIn.apply(unit);
                    }
                    Set<UUID> all = new LinkedHashSet<>(positionsEverIn.apply(unit));
                    all.addAll(ids);
                    return all;
                });
    }

    /** The chains as they would be with this unit changed. */
    ReportingChains withUnit(UUID unitId, UnitNode changed) {
        return new ReportingChains(id -> id.equals(unitId) ? changed : units.apply(id), positions, positionsEverIn);
    }

    /**
     * The first loop in {@code [from, end)} ({@code end} null: open-ended) through one of the starts, the earliest
     * instant first; null if there is none.
     */
    Loop firstLoop(Starts starts, Instant from, Instant end) {
        NavigableSet<Instant> checkpoints = new TreeSet<>(List.of(from));
        for (Instant at = from; at != null; at = checkpoints.higher(at)) {
            Instant now = at;
            Consumer<Instant> later = change -> {
                if (change.isAfter(now) && (end == null || change.isBefore(end))) {
                    checkpoints.add(change);
                }
            };
            for (UUID start : starts.at(at, later)) {
                if (leadsBack(start, at, later)) {
                    return new Loop(start, at);
                }
            }
        }
        return null;
    }

    /**
     * Who the people of {@code unitId} report to at {@code at}: its manager, else the nearest ancestor's; a unit whose
     * manager is {@code cameFrom} (the position asking is the manager) passes on to its parent. Null: nobody.
     */
    UUID managerFor(UUID unitId, UUID cameFrom, Instant at, Consumer<Instant> laterChanges) {
        UUID unit = unitId;
        UUID asking = cameFrom;
        while (unit != null) {
            UUID manager = managerOf(unit, at, laterChanges);
            if (manager != null && !manager.equals(asking)) {
                return manager;
            }
            UnitNode node = units.apply(unit);
            if (node == null) {
                return null;
            }
            node.forEachParentChangeAfter(at, laterChanges);
            unit = node.parentAt(at);
            asking = null;
        }
        return null;
    }

    private boolean leadsBack(UUID start, Instant at, Consumer<Instant> laterChanges) {
        PositionNode first = positions.apply(start);
        if (first == null || first.closedAt(at)) {
            return false; // a closed position is nobody's report, from its close on
        }
        Set<UUID> seen = new HashSet<>(List.of(start));
        UUID position = start;
        while (true) {
            PositionNode node = positions.apply(position);
            node.forEachChangeAfter(at, laterChanges);
            UUID next = node.linesAt(at).reportsTo();
            if (next == null) {
                next = managerFor(node.unitAt(at), position, at, laterChanges);
            }
            if (next == null || next.equals(start) || !seen.add(next)) {
                return start.equals(next); // the top, back at the start, or a loop that does not pass the start
            }
            position = next;
        }
    }

    /** The unit's own manager at {@code at}, or null. */
    private UUID managerOf(UUID unit, Instant at, Consumer<Instant> laterChanges) {
        UUID best = null;
        PositionNode bestNode = null;
        Instant bestSince = null;
        for (UUID id : positionsEverIn.apply(unit)) {
            PositionNode node = positions.apply(id);
            node.forEachChangeAfter(at, laterChanges); // it may arrive, leave, change role or close later
            if (!unit.equals(node.unitAt(at)) || !node.managerAt(at) || node.closedAt(at)) {
                continue;
            }
            Instant since = node.roleSince(at);
            if (best == null || since.isBefore(bestSince) || since.equals(bestSince)
                    && (node.created().isBefore(bestNode.created()) || node.created().equals(bestNode.created())
                    && POSTGRES_UUID_ORDER.compare(id, best) < 0)) {
                best = id;
                bestNode = node;
                bestSince = since;
            }
        }
        return best;
    }
}
