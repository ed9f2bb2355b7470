package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * How deep the tree's units sit at an instant, for the rule that no unit sits more than {@link #MAX} levels below
 * its root at any date. Every walk up the read model (a unit's path and depth, its ancestors, a unit's manager)
 * follows at most {@link #MAX} levels, so a deeper unit would be answered from a cut path; organizations are rarely
 * deeper than 15 levels.
 * <p>
 * Not part of the tree's state: it reads the tree's units, and the children index it keeps is built on first use
 * (a move that takes a unit deeper, a close) and kept up to date by the tree's event handlers from then on.
 */
final class UnitDepths {

    /** The deepest a unit may sit: its root is at depth 0. The read model's walks follow this many levels. */
    static final int MAX = 64;

    private final Map<UUID, UnitNode> units;
    /** Every unit each unit is the parent of at some date (a unit moved away stays listed under its old parent). */
    private Map<UUID, List<UUID>> childrenEver;

    UnitDepths(Map<UUID, UnitNode> units) {
        this.units = units;
    }

    void added(UUID unitId, UUID parentId) {
        if (childrenEver != null && parentId != null) {
            childrenEver.computeIfAbsent(parentId, p -> new ArrayList<>(2)).add(unitId);
        }
    }

    void moved(UUID unitId, UUID toParentId) {
        if (childrenEver != null && toParentId != null) {
            List<UUID> children = childrenEver.computeIfAbsent(toParentId, p -> new ArrayList<>(2));
            if (!children.contains(unitId)) {
                children.add(unitId);
            }
        }
    }

    /** How many ancestors the unit has at {@code at} (0 for a root). */
    int depthAt(UUID unitId, Instant at) {
        return depthAt(unitId, at, change -> { });
    }

    /**
     * How many ancestors the unit has at {@code at}, telling {@code laterMoves} every instant after {@code at} at which
     * it or an ancestor met changes its parent: until the first of them, the depth stays the same.
     */
    int depthAt(UUID unitId, Instant at, Consumer<Instant> laterMoves) {
        UnitNode unit = units.get(unitId);
        unit.forEachParentChangeAfter(at, laterMoves);
        int depth = 0;
        for (UUID parent = unit.parentAt(at); parent != null && depth <= units.size();
             parent = units.get(parent).parentAt(at)) {
            units.get(parent).forEachParentChangeAfter(at, laterMoves);
            depth++;
        }
        return depth;
    }

    /** Whether no unit sits more than {@code levels} levels below the unit at {@code at} (a unit alone: 0 levels). */
    boolean subtreeWithin(UUID unitId, Instant at, int levels) {
        List<UUID> level = List.of(unitId);
        for (int below = 1; !level.isEmpty(); below++) {
            List<UUID> next = new ArrayList<>();
            for (UUID parent : level) {
                for (UUID child : children().getOrDefault(parent, List.of())) {
                    if (parent.equals(units.get(child).parentAt(at))) {
                        next.add(child);
                    }
                }
            }
            if (!next.isEmpty() && below > levels) {
                return false;
            }
            level = next;
        }
        return true;
    }

    /** Every unit that is a child of {@code parentId} at some date. */
    List<UUID> childrenEver(UUID parentId) {
        return children().getOrDefault(parentId, List.of());
    }

    private Map<UUID, List<UUID>> children() {
        if (childrenEver == null) {
            childrenEver = new HashMap<>(units.size());
            units.forEach((unitId, unit) -> unit.forEachParentEver(parent ->
                    childrenEver.computeIfAbsent(parent, p -> new ArrayList<>(2)).add(unitId)));
        }
        return childrenEver;
    }
}
