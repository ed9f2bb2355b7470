package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the tree keeps of a position: where it sits, its explicit line, and when it is held (not by whom: the rules
 * only ask whether it is held while its unit is closed).
 */
record PositionNode(UUID unitId, boolean manager, UUID reportsToPositionId, List<Holding> holdings) {

    /** Held in {@code [from, to)}; {@code to} null: open-ended. */
    record Holding(Instant from, Instant to) {

        /** Whether it is held at some instant of {@code [start, end)} ({@code end} null: open-ended). */
        boolean overlaps(Instant start, Instant end) {
            return (end == null || from.isBefore(end)) && (to == null || to.isAfter(start));
        }
    }

    PositionNode {
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
    }

    PositionNode(UUID unitId, boolean manager, UUID reportsToPositionId) {
        this(unitId, manager, reportsToPositionId, List.of());
    }

    /** Held in {@code [from, to)} in place of whatever overlapped it, as the holder's assignment says. */
    PositionNode heldIn(Instant from, Instant to) {
        List<Holding> after = clearedFrom(from, to);
        after.add(new Holding(from, to));
        after.sort(Comparator.comparing(Holding::from));
        return new PositionNode(unitId, manager, reportsToPositionId, after);
    }

    /** Held by nobody from {@code from} on. */
    PositionNode vacatedFrom(Instant from) {
        return new PositionNode(unitId, manager, reportsToPositionId, clearedFrom(from, null));
    }

    boolean heldDuring(Instant start, Instant end) {
        return holdings.stream().anyMatch(holding -> holding.overlaps(start, end));
    }

    /**
     * The holdings with {@code [from, to)} cut out, as the read model's projection cuts them: what lies before the
     * range and what lies after it stay.
     */
    private List<Holding> clearedFrom(Instant from, Instant to) {
        List<Holding> kept = new ArrayList<>(holdings.size() + 1);
        for (Holding holding : holdings) {
            if (holding.from().isBefore(from)) {
                kept.add(holding.to() != null && !holding.to().isAfter(from) ? holding : new Holding(holding.from(), from));
            }
            if (to != null && (holding.to() == null || holding.to().isAfter(to))) {
                Instant start = holding.from().isAfter(to) ? holding.from() : to;
                kept.add(new Holding(start, holding.to()));
            }
        }
        return kept;
    }
}
