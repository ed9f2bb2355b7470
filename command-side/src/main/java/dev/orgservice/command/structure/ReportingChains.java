package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

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
 * same. The walk needs the manager positions that ever sat in a unit ({@code managersEverIn}); a check sees a change
 * before it is made through {@link #with(Map)} and {@link #withUnit}. Within one instant, each unit's manager is
 * worked out once, whatever the number of walks.
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

    /** A manager position of a unit at an instant: since when it has been one there, and when it was created. */
    private record Candidate(UUID positionId, Instant since, Instant created) {
    }

    /** The unit's manager comes first: there the longest, then the earliest created, then PostgreSQL's uuid order. */
    private static final Comparator<Candidate> THERE_LONGEST = Comparator.comparing(Candidate::since)
            .thenComparing(Candidate::created).thenComparing(candidate -> candidate.positionId().toString());

    private final Function<UUID, UnitNode> units;
    private final Function<UUID, PositionNode> positions;
    private final Function<UUID, Collection<UUID>> managersEverIn;
    /** Each unit's own manager (an empty Optional: none) at the instant {@link #firstLoop} is walking. */
    private final Map<UUID, Optional<UUID>> managers = new HashMap<>();

    ReportingChains(Function<UUID, UnitNode> units, Function<UUID, PositionNode> positions,
                    Function<UUID, Collection<UUID>> managersEverIn) {
        this.units = units;
        this.positions = positions;
        this.managersEverIn = managersEverIn;
    }

    /** The chains as they would be with these positions created or changed. */
    ReportingChains with(Map<UUID, PositionNode> changed) {
        Map<UUID, List<UUID>> changedIn = new HashMap<>();
        changed.forEach((id, node) -> {
            if (node.everManager()) {
                node.stays().forEach(stay -> changedIn.computeIfAbsent(stay.unitId(), unit -> new ArrayList<>()).add(id));
            }
        });
        return new ReportingChains(units, id -> changed.containsKey(id) ? changed.get(id) : positions.apply(id),
                unit -> {
                    List<UUID> ids = changedIn.get(unit);
                    return ids == null ? managersEverIn.apply(unit) : both(managersEverIn.apply(unit), ids);
                });
    }

    /** Both, without copying the first (a unit's list may be long); an id in both may come twice. */
    private static Collection<UUID> both(Collection<UUID> first, List<UUID> second) {
        return new AbstractCollection<>() {
            @Override
            public Iterator<UUID> iterator() {
                return Stream.concat(first.stream(), second.stream()).iterator();
            }

            @Override
            public int size() {
                return first.size() + second.size();
            }
        };
    }

    /** The chains as they would be with this unit changed. */
    ReportingChains withUnit(UUID unitId, UnitNode changed) {
        return new ReportingChains(id -> id.equals(unitId) ? changed : units.apply(id), positions, managersEverIn);
    }

    /**
     * The first loop in {@code [from, end)} ({@code end} null: open-ended) through one of the starts, the earliest
     * instant first; null if there is none.
     */
    Loop firstLoop(Starts starts, Instant from, Instant end) {
        NavigableSet<Instant> checkpoints = new TreeSet<>(List.of(from));
        for (Instant at = from; at != null; at = checkpoints.higher(at)) {
            managers.clear(); // found at another instant, or by another check, which fed its own checkpoints
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

    /** The unit's own manager at {@code at}, or null; the instants it may change at go to the first caller's consumer. */
    private UUID managerOf(UUID unit, Instant at, Consumer<Instant> laterChanges) {
        return managers.computeIfAbsent(unit, key -> Optional.ofNullable(firstManager(unit, at, laterChanges)))
                .orElse(null);
    }

    private UUID firstManager(UUID unit, Instant at, Consumer<Instant> laterChanges) {
        Candidate best = null;
        for (UUID id : managersEverIn.apply(unit)) {
            PositionNode node = positions.apply(id);
            node.forEachChangeAfter(at, laterChanges); // it may arrive, leave, change role or close later
            if (!unit.equals(node.unitAt(at)) || !node.managerAt(at) || node.closedAt(at)) {
                continue;
            }
            Candidate candidate = new Candidate(id, node.roleSince(at), node.created());
            if (best == null || THERE_LONGEST.compare(candidate, best) < 0) {
                best = candidate;
            }
        }
        return best == null ? null : best.positionId();
    }
}
