package dev.orgservice.local;

import dev.orgservice.api.structure.UnitType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The units of {@link StructureProperties} as the accepted commands made them (the aggregate's view of the tree): each
 * unit's type, and its parent and status over time. {@link TreeOracle} reads it to tell which commands come next.
 */
final class TreeModel {

    private final Map<String, UnitType> types = new HashMap<>();
    private final Map<String, TreeMap<Instant, String>> parents = new HashMap<>();
    private final Map<String, TreeMap<Instant, String>> statuses = new HashMap<>();
    /** Every instant at which a recorded change takes effect: before, between and after them nothing changes. */
    private final NavigableSet<Instant> changes = new TreeSet<>();

    void create(String unit, UnitType type, String parent, Instant at) {
        types.put(unit, type);
        parents.computeIfAbsent(unit, u -> new TreeMap<>()).put(at, parent == null ? "" : parent);
        statuses.computeIfAbsent(unit, u -> new TreeMap<>()).put(at, "ACTIVE");
        changes.add(at);
    }

    /**
     * As the aggregate: a move under the parent the unit already has at that instant records nothing, so it
     * does not hold the unit there against a change recorded later that takes effect before it.
     */
    void move(String unit, String parent, Instant at) {
        if (!Objects.equals(parentAt(unit, at), parent)) {
            parents.get(unit).put(at, parent);
            changes.add(at);
        }
    }

    void close(String unit, Instant at) {
        statuses.get(unit).put(at, "CLOSED");
        changes.add(at);
    }

    Set<String> units() {
        return types.keySet();
    }

    UnitType type(String unit) {
        return types.get(unit);
    }

    boolean existsAt(String unit, Instant at) {
        return !parents.get(unit).firstKey().isAfter(at);
    }

    /** Null for a root, and for a unit that does not exist yet at {@code at}. */
    String parentAt(String unit, Instant at) {
        Entry<Instant, String> entry = parents.get(unit).floorEntry(at);
        return entry == null || Objects.equals(entry.getValue(), "") ? null : entry.getValue();
    }

    String statusAt(String unit, Instant at) {
        return statuses.get(unit).floorEntry(at).getValue();
    }

    boolean activeAt(String unit, Instant at) {
        return existsAt(unit, at) && statusAt(unit, at).equals("ACTIVE");
    }

    /** Whether the unit's own parent changes in {@code (after, upTo]}. */
    boolean movesBetween(String unit, Instant after, Instant upTo) {
        return !parents.get(unit).subMap(after, false, upTo, true).isEmpty();
    }

    /** {@code at} and every later instant at which the tree changes: a rule that holds at these holds from then on. */
    List<Instant> checkpointsFrom(Instant at) {
        List<Instant> checkpoints = new ArrayList<>(List.of(at));
        checkpoints.addAll(changes.tailSet(at, false));
        return checkpoints;
    }

    /** The units existing at {@code at}, as {@link StructureProperties}' subtree shows them. */
    Set<String> unitsAt(List<String> units, Instant at) {
        Set<String> existing = new HashSet<>();
        units.stream().filter(unit -> existsAt(unit, at))
                .forEach(unit -> existing.add(unit + " " + parentAt(unit, at) + " " + statusAt(unit, at)));
        return existing;
    }
}
