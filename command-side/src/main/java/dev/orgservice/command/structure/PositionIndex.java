package dev.orgservice.command.structure;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Not state: whether any position ever had an explicit solid line (no management chain can loop without one) and
 * which positions ever sat in each unit, read off the tree's positions for {@link ReportingChains}. The tree makes it
 * on first use (a snapshot's tree too) and keeps it up to date from then on; the units' lists are made only when a
 * walk first needs them (a tenant without explicit lines never does).
 */
final class PositionIndex {

    private final Map<UUID, PositionNode> positions;
    private Map<UUID, Set<UUID>> everInUnit;
    private boolean anySolidLine;

    PositionIndex(Map<UUID, PositionNode> positions) {
        this.positions = positions;
        anySolidLine = positions.values().stream().anyMatch(PositionNode::hasSolidLine);
    }

    /** Records where the position sits and its lines, after it was created or changed. */
    void put(UUID positionId, PositionNode position) {
        anySolidLine |= position.hasSolidLine();
        if (everInUnit != null) {
            addStays(positionId, position);
        }
    }

    Collection<UUID> everIn(UUID unitId) {
        if (everInUnit == null) {
            everInUnit = new HashMap<>();
            positions.forEach(this::addStays);
        }
        return everInUnit.getOrDefault(unitId, Set.of());
    }

    boolean anySolidLine() {
        return anySolidLine;
    }

    private void addStays(UUID positionId, PositionNode position) {
        position.stays().forEach(stay -> everInUnit.computeIfAbsent(stay.unitId(), unit -> new HashSet<>(2))
                .add(positionId));
    }
}
