package dev.orgservice.command.structure;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Not state: whether any position ever had an explicit solid line (no management chain can loop without one) and
 * which manager positions ever sat in each unit (a position that is never a manager position never manages one),
 * read off the tree's positions for {@link ReportingChains}. The tree makes it on first use (a snapshot's tree too)
 * and keeps it up to date from then on; the units' lists are made only when a walk first needs them (a tenant
 * without explicit lines never does).
 */
final class PositionIndex {

    private final Map<UUID, PositionNode> positions;
    private Map<UUID, Set<UUID>> managersEverIn;
    private boolean anySolidLine;

    PositionIndex(Map<UUID, PositionNode> positions) {
        this.positions = positions;
        anySolidLine = positions.values().stream().anyMatch(PositionNode::hasSolidLine);
    }

    /** Records where the position sits, its role and its lines, after it was created or changed. */
    void put(UUID positionId, PositionNode position) {
        anySolidLine |= position.hasSolidLine();
        if (managersEverIn != null) {
            addStays(positionId, position);
        }
    }

    /** The positions that sat in the unit and were manager positions at some time (not necessarily both at once). */
    Collection<UUID> managersEverIn(UUID unitId) {
        if (managersEverIn == null) {
            managersEverIn = new HashMap<>();
            positions.forEach(this::addStays);
        }
        return managersEverIn.getOrDefault(unitId, Set.of());
    }

    boolean anySolidLine() {
        return anySolidLine;
    }

    private void addStays(UUID positionId, PositionNode position) {
        if (position.everManager()) {
            position.stays().forEach(stay -> managersEverIn.computeIfAbsent(stay.unitId(), unit -> new HashSet<>(2))
                    .add(positionId));
        }
    }
}
