package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionCreation;
import dev.orgservice.command.structure.ReportingChains.Starts;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.time.FlexibleInstant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * No management chain leads back to where it started ({@link #requireNoChainLoop}): each change of lines, units,
 * roles or closes is checked by walking {@link ReportingChains} from the positions whose next step it changes, as
 * they would be with the change made.
 * <p>
 * Not state: it reads the tree's own units and positions and its {@link PositionIndex} (nothing copied), so the tree
 * makes one for each check.
 */
final class ChainLoopRules {

    private final Map<UUID, UnitNode> units;
    private final Map<UUID, PositionNode> positions;
    private final PositionIndex index;

    ChainLoopRules(Map<UUID, UnitNode> units, Map<UUID, PositionNode> positions, PositionIndex index) {
        this.units = units;
        this.positions = positions;
        this.index = index;
    }

    /**
     * A position created, or given new lines for {@code [from, end)}, as {@code changed}: only its own next step
     * changed, so a loop it closes passes it.
     */
    void requireNoLoopFrom(UUID positionId, PositionNode changed, Instant from, Instant end, boolean newSolidLine,
                           UUID reportsTo) {
        requireNoChainLoop(chains().with(Map.of(positionId, changed)), Starts.of(positionId), from, end, newSolidLine,
                lineDetails(positionId, reportsTo));
    }

    /**
     * A position moved, given another role or closed from {@code from} on, as {@code changed}. Open-ended: a move
     * recorded for an earlier date can join a stay already planned for later, and the joined stay's start decides
     * which manager position manages the unit from then on; as for a move, a role recorded for an earlier date can
     * join one already planned for later.
     */
    void requireNoLoopAfterChangeOf(UUID positionId, PositionNode position, PositionNode changed, Instant from,
                                    Map<String, Object> details) {
        ReportingChains chains = chains().with(Map.of(positionId, changed));
        requireNoChainLoop(chains, itAndTheManagersOfItsUnits(chains, positionId, position, from, null), from, null,
                false, details);
    }

    /** A unit moved under {@code newParentId} from {@code at} until its next move. */
    void requireNoLoopAfterUnitMove(UUID unitId, UnitNode unit, UUID newParentId, Instant at) {
        UnitNode moved = unit.movedCopy(at, newParentId);
        ReportingChains chains = chains().withUnit(unitId, moved);
        // the unit's people who climb out of it now reach the new parent's manager: a loop passes it
        requireNoChainLoop(chains, (checkpoint, later) -> listOfNullable(chains.managerFor(newParentId,
                null, checkpoint, later)), at, unit.nextParentChangeAfter(at), false,
                Map.of("unitId", unitId, "newParentId", newParentId));
    }

    /**
     * Refuses a change (seen through {@code chains}) after which the management chain of one of the starts leads back
     * to it at some instant of {@code [from, end)} ({@code end} null: open-ended), through explicit lines or units'
     * managers: the read model's walks would stop there, and the people below would never reach the managers above
     * (an approval chain would come back incomplete). There is no such loop without an explicit solid line.
     */
    private void requireNoChainLoop(ReportingChains chains, Starts starts, Instant from, Instant end,
                                    boolean newSolidLine, Map<String, Object> details) {
        if (!newSolidLine && !index.anySolidLine()) {
            return;
        }
        ReportingChains.Loop loop = chains.firstLoop(starts, from, end);
        if (loop != null) {
            Map<String, Object> all = new LinkedHashMap<>(details);
            all.put("at", startOf(loop).toString());
            all.put("loopPositionId", loop.positionId());
            throw new OrgException(ErrorCode.CYCLE, "From " + startOf(loop) + " the management chain of position "
                    + loop.positionId() + " would lead back to it (through explicit lines or units' managers)", all);
        }
    }

    /**
     * When the loop begins, as a client may name it: a search from the beginning of time (a new position's lines hold
     * at every date) finds a loop "from" {@code Instant.MIN}, which the API itself refuses (a review found it); the
     * first instant it takes is {@link FlexibleInstant#EARLIEST}.
     */
    private static Instant startOf(ReportingChains.Loop loop) {
        return loop.at().isBefore(FlexibleInstant.EARLIEST) ? FlexibleInstant.EARLIEST : loop.at();
    }

    /**
     * Walks from the imported positions with a solid line or a manager role: a loop the import closes passes one of
     * them. Each batch is recorded as an event of its own, and a unit's manager is the earliest created of those there
     * equally long: the batches are seen here as every reader sees them ({@link PositionCreation}), a microsecond
     * apart, from the millisecond the import is checked in.
     */
    void requireNoChainLoops(List<List<ImportedPosition>> batches, Instant now, List<ImportPlan.RowError> errors) {
        List<ImportedPosition> imported = new ArrayList<>();
        Map<UUID, PositionNode> created = new HashMap<>();
        for (int batch = 0; batch < batches.size(); batch++) {
            Instant recorded = PositionCreation.ofImported(now, batch + 1);
            batches.get(batch).forEach(position -> created.put(position.positionId(), new PositionNode(
                    position.unitId(), position.manager(), position.reportsToPositionId(), List.of(), List.of(),
                    recorded)));
            imported.addAll(batches.get(batch));
        }
        if (!index.anySolidLine() && created.values().stream().noneMatch(PositionNode::hasSolidLine)) {
            return;
        }
        ReportingChains chains = chains().with(created);
        for (int row = 0; row < imported.size(); row++) {
            ImportedPosition position = imported.get(row);
            if (position.reportsToPositionId() == null && !position.manager()) {
                continue;
            }
            ReportingChains.Loop loop = chains.firstLoop(Starts.of(position.positionId()), Instant.MIN, null);
            if (loop != null) {
                errors.add(new ImportPlan.RowError(row, ErrorCode.CYCLE.type().toString(),
                        position.reportsToPositionId() == null ? "manager" : "reportsToPositionId",
                        "from " + startOf(loop) + " the management chain of position " + position.positionId()
                                + " would lead back to it (through explicit lines or units' managers)"));
            }
        }
    }

    /**
     * The position and whoever manages the units it sat in during {@code [from, end)}, as {@code chains} (the change
     * made) see them: a change of its unit, role or status changes its own next step and may hand its unit's people
     * to another manager.
     */
    private static Starts itAndTheManagersOfItsUnits(ReportingChains chains, UUID positionId, PositionNode position,
                                                     Instant from, Instant end) {
        List<UUID> itsUnits = position.spans(from, end).stream().map(PositionNode.Span::unitId).distinct().toList();
        return (at, later) -> {
            Set<UUID> starts = new LinkedHashSet<>(List.of(positionId));
            itsUnits.forEach(unitId -> {
                UUID manager = chains.managerFor(unitId, null, at, later);
                if (manager != null) {
                    starts.add(manager);
                }
            });
            return starts;
        };
    }

    private static Map<String, Object> lineDetails(UUID positionId, UUID reportsTo) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("positionId", positionId);
        if (reportsTo != null) {
            details.put("reportsToPositionId", reportsTo);
        }
        return details;
    }

    private static List<UUID> listOfNullable(UUID id) {
        return id == null ? List.of() : List.of(id);
    }

    private ReportingChains chains() {
        return new ReportingChains(units::get, positions::get, index::managersEverIn);
    }
}
