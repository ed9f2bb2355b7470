package dev.orgservice.local;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The units of {@link StructureProperties} as the accepted commands made them (the aggregate's view of the tree): each
 * unit's parent and status over time.
 */
final class TreeModel {

    private final Map<String, TreeMap<Instant, String>> parents = new HashMap<>();
    private final Map<String, TreeMap<Instant, String>> statuses = new HashMap<>();

    void create(String unit, String parent, Instant at) {
        parents.computeIfAbsent(unit, u -> new TreeMap<>()).put(at, parent == null ? "" : parent);
        statuses.computeIfAbsent(unit, u -> new TreeMap<>()).put(at, "ACTIVE");
    }

    /**
     * As the aggregate: a move under the parent the unit already has at that instant records nothing, so it
     * does not hold the unit there against a change recorded later that takes effect before it.
     */
    void move(String unit, String parent, Instant at) {
        if (!Objects.equals(parentAt(unit, at), parent)) {
            parents.get(unit).put(at, parent);
        }
    }

    void close(String unit, Instant at) {
        statuses.get(unit).put(at, "CLOSED");
    }

    boolean existsAt(String unit, Instant at) {
        return !parents.get(unit).firstKey().isAfter(at);
    }

    String parentAt(String unit, Instant at) {
        Entry<Instant, String> entry = parents.get(unit).floorEntry(at);
        return entry == null || Objects.equals(entry.getValue(), "") ? null : entry.getValue();
    }

    String statusAt(String unit, Instant at) {
        return statuses.get(unit).floorEntry(at).getValue();
    }

    /** The units existing at {@code at}, as {@link StructureProperties}' subtree shows them. */
    Set<String> unitsAt(List<String> units, Instant at) {
        Set<String> existing = new HashSet<>();
        units.stream().filter(unit -> existsAt(unit, at))
                .forEach(unit -> existing.add(unit + " " + parentAt(unit, at) + " " + statusAt(unit, at)));
        return existing;
    }
}
