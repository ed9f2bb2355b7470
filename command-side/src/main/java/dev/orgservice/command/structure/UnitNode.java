package dev.orgservice.command.structure;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the tree needs to decide about one unit: type, code, and its parent and status over time (each a short
 * list of changes ordered by effective time), and its revision for conditional commands. Names and details are
 * not kept: no rule depends on them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class UnitNode {

    record ParentChange(Instant from, UUID parentId) {
    }

    record StatusChange(Instant from, UnitStatus status) {
    }

    private UnitType type;
    private String code;
    private List<ParentChange> parents = new ArrayList<>(1);
    private List<StatusChange> statuses = new ArrayList<>(1);
    /** The tree's sequence number of the last event that changed this unit (a future-dated change counts now). */
    private long revision;

    UnitNode() {
        // for Jackson
    }

    UnitNode(UnitType type, String code, UUID parentId, Instant from, long revision) {
        this.type = type;
        this.revision = revision;
        this.code = code;
        parents.add(new ParentChange(from, parentId));
        statuses.add(new StatusChange(from, UnitStatus.ACTIVE));
    }

    UnitType type() {
        return type;
    }

    String code() {
        return code;
    }

    long revision() {
        return revision;
    }

    void changedBy(long sequence) {
        revision = sequence;
    }

    Instant createdFrom() {
        return parents.get(0).from();
    }

    boolean existsAt(Instant at) {
        return !createdFrom().isAfter(at);
    }

    UUID parentAt(Instant at) {
        for (int i = parents.size() - 1; i >= 0; i--) {
            if (!parents.get(i).from().isAfter(at)) {
                return parents.get(i).parentId();
            }
        }
        return null;
    }

    /** Calls {@code visit} with every unit this one sits under at some date, each once. */
    void forEachParentEver(Consumer<UUID> visit) {
        for (int i = 0; i < parents.size(); i++) {
            UUID parent = parents.get(i).parentId();
            if (parent != null && !sameParentBefore(parent, i)) {
                visit.accept(parent);
            }
        }
    }

    private boolean sameParentBefore(UUID parent, int index) {
        for (int i = 0; i < index; i++) {
            if (parent.equals(parents.get(i).parentId())) {
                return true;
            }
        }
        return false;
    }

    UnitStatus statusAt(Instant at) {
        for (int i = statuses.size() - 1; i >= 0; i--) {
            if (!statuses.get(i).from().isAfter(at)) {
                return statuses.get(i).status();
            }
        }
        return null;
    }

    boolean isActiveAt(Instant at) {
        return statusAt(at) == UnitStatus.ACTIVE;
    }

    /** Whether the unit is closed at some instant of {@code [start, end)} ({@code end} null: open-ended). */
    boolean closedDuring(Instant start, Instant end) {
        return statusAt(start) == UnitStatus.CLOSED || statuses.stream().anyMatch(c -> c.status() == UnitStatus.CLOSED
                && c.from().isAfter(start) && (end == null || c.from().isBefore(end)));
    }

    /**
     * The first instant from {@code from} on at which the unit does not exist yet or is closed (null: it is active
     * from then on): only its own creation and status changes can make it so.
     */
    Instant firstInactiveFrom(Instant from) {
        if (!existsAt(from) || !isActiveAt(from)) {
            return from;
        }
        return statuses.stream().filter(change -> change.status() == UnitStatus.CLOSED && change.from().isAfter(from))
                .map(StatusChange::from).findFirst().orElse(null);
    }

    /** When the unit is next reopened after {@code at} (null: no reopening is recorded). */
    Instant nextReopeningAfter(Instant at) {
        return statuses.stream().filter(c -> c.status() == UnitStatus.ACTIVE && c.from().isAfter(at))
                .map(StatusChange::from).min(Instant::compareTo).orElse(null);
    }

    /**
     * The stretches {@code [closed, reopened)} of {@code (start, end)} in which the unit is closed, each cut at
     * {@code end} (null: open-ended; a stretch's end null: closed for good). For a unit active at {@code start}.
     */
    List<Instant[]> closedStretchesAfter(Instant start, Instant end) {
        List<Instant[]> stretches = new ArrayList<>();
        for (StatusChange change : statuses) {
            if (change.status() == UnitStatus.CLOSED && change.from().isAfter(start)
                    && (end == null || change.from().isBefore(end))) {
                Instant reopened = nextReopeningAfter(change.from());
                stretches.add(new Instant[]{change.from(),
                        end != null && (reopened == null || reopened.isAfter(end)) ? end : reopened});
            }
        }
        return stretches;
    }

    /** How many of this unit's own parent changes fall in {@code (after, upTo]}. */
    int parentChangesBetween(Instant after, Instant upTo) {
        return (int) parents.stream().filter(c -> c.from().isAfter(after) && !c.from().isAfter(upTo)).count();
    }

    /** How many of this unit's own status changes fall in {@code (after, upTo]}. */
    int statusChangesBetween(Instant after, Instant upTo) {
        return (int) statuses.stream().filter(c -> c.from().isAfter(after) && !c.from().isAfter(upTo)).count();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitNode node && type == node.type && code.equals(node.code)
                && parents.equals(node.parents) && statuses.equals(node.statuses) && revision == node.revision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, code, parents, statuses, revision);
    }

    /** Calls {@code visit} with every instant after {@code after} at which its parent changes. */
    void forEachParentChangeAfter(Instant after, Consumer<Instant> visit) {
        parents.stream().map(ParentChange::from).filter(from -> from.isAfter(after)).forEach(visit);
    }

    /** Its first change of parent after {@code at}, or null. */
    Instant nextParentChangeAfter(Instant at) {
        return parents.stream().map(ParentChange::from).filter(from -> from.isAfter(at)).findFirst().orElse(null);
    }

    /** A copy that sits under {@code parentId} from {@code from}, to check a move's consequences before it is made. */
    UnitNode movedCopy(Instant from, UUID parentId) {
        UnitNode copy = new UnitNode();
        copy.type = type;
        copy.code = code;
        copy.parents = new ArrayList<>(parents);
        copy.statuses = new ArrayList<>(statuses);
        copy.revision = revision;
        copy.moveFrom(from, parentId);
        return copy;
    }

    void moveFrom(Instant from, UUID parentId) {
        insert(parents, new ParentChange(from, parentId), ParentChange::from);
    }

    void setStatusFrom(Instant from, UnitStatus status) {
        insert(statuses, new StatusChange(from, status), StatusChange::from);
    }

    /** Keeps the list ordered; a change at the same instant as an earlier one replaces it. */
    private static <T> void insert(List<T> changes, T change, java.util.function.Function<T, Instant> from) {
        Instant at = from.apply(change);
        int index = changes.size();
        while (index > 0 && from.apply(changes.get(index - 1)).isAfter(at)) {
            index--;
        }
        if (index > 0 && from.apply(changes.get(index - 1)).equals(at)) {
            changes.set(index - 1, change);
        } else {
            changes.add(index, change);
        }
    }
}
