package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import static dev.orgservice.command.Timelines.inEffectAt;
import static dev.orgservice.command.Timelines.replacedAt;

/**
 * What the tree keeps of a position: where it sits, whether it is a manager position and its lines, all over time,
 * when it is held (not by whom: the rules only ask whether it is held while it or its unit is closed), when it is
 * closed (null: never) and when it was created (which of a unit's manager positions manages it depends on it, see
 * {@link ReportingChains}; as the read model takes it, {@code PositionCreation}), and its revision for conditional
 * commands: the tree's sequence number of the last event that changed it (a future-dated change counts now).
 */
record PositionNode(List<Stay> stays, List<Role> roles, List<Lines> lines, List<Holding> holdings, Instant closedFrom,
                    Instant created, long revision) {

    /** In {@code unitId} from {@code from} (null: since the position exists) until the next stay's {@code from}. */
    record Stay(Instant from, UUID unitId) {
    }

    /**
     * A manager position ({@code manager}) or not from {@code from} (null: since the position exists) until the next
     * entry's {@code from}. Kept so that a change to what is already in effect records nothing.
     */
    record Role(Instant from, boolean manager) {
    }

    /** A stretch {@code [start, end)} ({@code end} null: open-ended) of time in one unit. */
    record Span(UUID unitId, Instant start, Instant end) {
    }

    /**
     * The lines in effect from {@code from} (null: since the position exists) until the next entry's {@code from}.
     * The dotted lines are kept so that a change to what is already in effect records nothing.
     */
    record Lines(Instant from, UUID reportsTo, List<UUID> dotted) {

        Lines {
            dotted = List.copyOf(dotted);
        }

        boolean sameAs(UUID otherReportsTo, List<UUID> otherDotted) {
            return Objects.equals(reportsTo, otherReportsTo) && Set.copyOf(dotted).equals(Set.copyOf(otherDotted));
        }
    }

    /** Held in {@code [from, to)}; {@code to} null: open-ended. */
    record Holding(Instant from, Instant to) {

        /** Whether it is held at some instant of {@code [start, end)} ({@code end} null: open-ended). */
        boolean overlaps(Instant start, Instant end) {
            return (end == null || from.isBefore(end)) && (to == null || to.isAfter(start));
        }
    }

    PositionNode {
        stays = List.copyOf(stays);
        roles = List.copyOf(roles);
        lines = List.copyOf(lines);
        holdings = holdings == null ? List.of() : List.copyOf(holdings);
    }

    /** A new position, at revision 0 until {@link #changedBy} records the event that creates it. */
    PositionNode(UUID unitId, boolean manager, UUID reportsTo, List<UUID> dotted, List<Holding> holdings,
                 Instant created) {
        this(List.of(new Stay(null, unitId)), List.of(new Role(null, manager)), List.of(new Lines(null, reportsTo, dotted)),
                holdings, null, created, 0);
    }

    /** As changed by the tree's event {@code sequence}: its revision. */
    PositionNode changedBy(long sequence) {
        return new PositionNode(stays, roles, lines, holdings, closedFrom, created, sequence);
    }

    UUID unitAt(Instant at) {
        return inEffectAt(stays, at, Stay::from).unitId();
    }

    /** The units it sits in during {@code [start, end)} ({@code end} null: open-ended), in time order. */
    List<Span> spans(Instant start, Instant end) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            Instant from = stays.get(i).from();
            Instant to = i + 1 < stays.size() ? stays.get(i + 1).from() : null;
            Instant spanStart = from == null || from.isBefore(start) ? start : from;
            Instant spanEnd = to == null ? end : end == null || to.isBefore(end) ? to : end;
            if (spanEnd == null || spanStart.isBefore(spanEnd)) {
                spans.add(new Span(stays.get(i).unitId(), spanStart, spanEnd));
            }
        }
        return spans;
    }

    /**
     * Until when a move that takes effect at {@code from} matters: its next move, or its close if that comes first
     * (null: open-ended).
     */
    Instant newStayHoldsUntil(Instant from) {
        return untilCloseOr(stays.stream().map(Stay::from).filter(at -> at != null && at.isAfter(from)).findFirst()
                .orElse(null));
    }

    /** In {@code unitId} from {@code from} until its next move. */
    PositionNode movedFrom(Instant from, UUID unitId) {
        List<Stay> after = replacedAt(stays, new Stay(from, unitId), Stay::from);
        return new PositionNode(after, roles, lines, holdings, closedFrom, created, revision);
    }

    boolean managerAt(Instant at) {
        return inEffectAt(roles, at, Role::from).manager();
    }

    /**
     * Since when it has been what it is at {@code at} (a manager position or not) in the unit it sits in then without a
     * break, as the read model counts it ({@code role_since}: V17, V20, V22): from the latest change of its unit or role
     * up to {@code at} that changed either, but never before its creation.
     */
    Instant roleSince(Instant at) {
        NavigableSet<Instant> changes = new TreeSet<>();
        stays.stream().map(Stay::from).filter(from -> from != null && !from.isAfter(at)).forEach(changes::add);
        roles.stream().map(Role::from).filter(from -> from != null && !from.isAfter(at)).forEach(changes::add);
        for (Instant change : changes.descendingSet()) {
            Instant justBefore = change.minusNanos(1);
            if (!unitAt(change).equals(unitAt(justBefore)) || managerAt(change) != managerAt(justBefore)) {
                return change.isAfter(created) ? change : created;
            }
        }
        return created;
    }

    /** Calls {@code visit} with every instant after {@code after} at which its unit, role, lines or status change. */
    void forEachChangeAfter(Instant after, Consumer<Instant> visit) {
        stays.stream().map(Stay::from).filter(from -> from != null && from.isAfter(after)).forEach(visit);
        roles.stream().map(Role::from).filter(from -> from != null && from.isAfter(after)).forEach(visit);
        lineChangesAfter(after).forEach(visit);
        if (closedFrom != null && closedFrom.isAfter(after)) {
            visit.accept(closedFrom);
        }
    }

    /** Whether it is a manager position at some date. */
    boolean everManager() {
        return roles.stream().anyMatch(Role::manager);
    }

    /** Whether it has an explicit solid line at some date. */
    boolean hasSolidLine() {
        return lines.stream().anyMatch(entry -> entry.reportsTo() != null);
    }

    /** A manager position or not from {@code from} until its next change of role. */
    PositionNode withRoleFrom(Instant from, boolean manager) {
        List<Role> after = replacedAt(roles, new Role(from, manager), Role::from);
        return new PositionNode(stays, after, lines, holdings, closedFrom, created, revision);
    }

    /** Closed at some instant of {@code [start, end)} ({@code end} null: open-ended); once closed, always closed. */
    boolean closedDuring(Instant start, Instant end) {
        return closedFrom != null && (end == null || end.isAfter(closedFrom));
    }

    boolean closedAt(Instant at) {
        return closedFrom != null && !at.isBefore(closedFrom);
    }

    PositionNode closedFrom(Instant from) {
        return new PositionNode(stays, roles, lines, holdings, from, created, revision);
    }

    /**
     * Whether a solid or dotted line of it leads to {@code target} at some instant in {@code [start, end)} (end null:
     * open-ended).
     */
    boolean linesTo(UUID target, Instant start, Instant end) {
        for (int i = 0; i < lines.size(); i++) {
            Lines entry = lines.get(i);
            boolean endsBefore = i + 1 < lines.size() && !lines.get(i + 1).from().isAfter(start);
            boolean startsAfter = end != null && entry.from() != null && !entry.from().isBefore(end);
            if (!endsBefore && !startsAfter && (target.equals(entry.reportsTo()) || entry.dotted().contains(target))) {
                return true;
            }
        }
        return false;
    }

    /** The lines in effect at {@code at}. */
    Lines linesAt(Instant at) {
        return inEffectAt(lines, at, Lines::from);
    }

    /** The instants after {@code after} at which its lines change. */
    List<Instant> lineChangesAfter(Instant after) {
        return lines.stream().map(Lines::from).filter(from -> from != null && from.isAfter(after)).toList();
    }

    /**
     * Until when lines that take effect at {@code from} matter: the position's next change of lines, or its close
     * if that comes first (null: open-ended).
     */
    Instant newLinesHoldUntil(Instant from) {
        return untilCloseOr(lineChangesAfter(from).stream().findFirst().orElse(null));
    }

    /** {@code next} (null: none), or the close if that comes first. */
    private Instant untilCloseOr(Instant next) {
        return next == null || (closedFrom != null && closedFrom.isBefore(next)) ? closedFrom : next;
    }

    /** With {@code reportsTo} and {@code dotted} in effect from {@code from} until its next change of lines. */
    PositionNode withLinesFrom(Instant from, UUID reportsTo, List<UUID> dotted) {
        List<Lines> after = replacedAt(lines, new Lines(from, reportsTo, dotted), Lines::from);
        return new PositionNode(stays, roles, after, holdings, closedFrom, created, revision);
    }

    /** Held in {@code [from, to)} in place of whatever overlapped it, as the holder's assignment says. */
    PositionNode heldIn(Instant from, Instant to) {
        List<Holding> after = clearedFrom(from, to);
        after.add(new Holding(from, to));
        after.sort(Comparator.comparing(Holding::from));
        return new PositionNode(stays, roles, lines, after, closedFrom, created, revision);
    }

    /** Held by nobody from {@code from} on. */
    PositionNode vacatedFrom(Instant from) {
        return new PositionNode(stays, roles, lines, clearedFrom(from, null), closedFrom, created, revision);
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
