package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.command.revision.ExpectedRevision;
import dev.orgservice.command.tenant.TenantGuard;
import dev.orgservice.platform.problem.OrgException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The rules of positions over time: the plan's limit, a position of an active unit, lines that lead to other positions
 * and never to a closed one, no change of a closed position, no holder while the position or its unit is closed, and
 * approval policies and authorities that name existing positions (open while named). The no-loop rule of their
 * management chains is {@link ChainLoopRules}'.
 * <p>
 * Not state: it reads the tree's own units and positions (nothing copied, and no position kept: the tree's events
 * replace them), so the tree makes one for each command that needs it.
 */
final class PositionRules {

    private final Map<UUID, UnitNode> units;
    private final Map<UUID, PositionNode> positions;

    PositionRules(Map<UUID, UnitNode> units, Map<UUID, PositionNode> positions) {
        this.units = units;
        this.positions = positions;
    }

    PositionNode requirePosition(UUID positionId) {
        PositionNode position = positions.get(positionId);
        if (position == null) {
            throw OrgException.notFound("Position " + positionId);
        }
        return position;
    }

    /**
     * The position of a change, which must exist (404) and still be at a revision the client expects (412): checked
     * before any rule, as for units.
     */
    PositionNode requirePositionAtRevision(PositionChangeCommand command) {
        PositionNode position = requirePosition(command.positionId());
        ExpectedRevision.require(command.expected(), position.revision(), "Position " + command.positionId(),
                Map.of("positionId", command.positionId()));
        return position;
    }

    /** The plan's {@code maxPositions} counts the positions not closed by now (a scheduled close frees it later). */
    void requireRoomForPositions(int added, TenantGuard.PlanLimits limits) {
        if (positions.size() + added <= limits.maxPositions()) {
            return; // the usual case, without counting the closed ones
        }
        Instant now = Instant.now();
        long open = positions.values().stream().filter(position -> !position.closedAt(now)).count();
        if (open + added > limits.maxPositions()) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Plan " + limits.plan() + " allows "
                    + limits.maxPositions() + " positions", Map.of("plan", limits.plan(),
                    "maxPositions", limits.maxPositions()));
        }
    }

    /** A new position needs a unit that exists and is active now. */
    static void requireActiveForNewPositions(UUID unitId, UnitNode unit, Instant now) {
        if (!unit.existsAt(now) || !unit.isActiveAt(now)) {
            throw new OrgException(ErrorCode.CONFLICT, "Unit " + unit.code() + " is not active; positions need an "
                    + "active unit", Map.of("unitId", unitId));
        }
    }

    /**
     * Each row's first problem, in row order: a duplicate id, no active unit, a holder while the unit closes, a line
     * to itself, to no position here or earlier in the import, or to a closed position.
     */
    List<ImportPlan.RowError> importErrors(List<ImportedPosition> rows, IntFunction<String> unitCodes, Instant now) {
        Set<UUID> earlier = new HashSet<>();
        List<ImportPlan.RowError> errors = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            ImportedPosition position = rows.get(row);
            UnitNode unit = units.get(position.unitId());
            if (positions.containsKey(position.positionId()) || !earlier.add(position.positionId())) {
                errors.add(new ImportPlan.RowError(row, ErrorCode.DUPLICATE.type().toString(), "positionId",
                        "position " + position.positionId() + " already exists"));
            } else if (unit == null || !unit.existsAt(now) || !unit.isActiveAt(now)) {
                String code = unitCodes.apply(row);
                errors.add(new ImportPlan.RowError(row, ErrorCode.NOT_FOUND.type().toString(),
                        code == null ? "unitId" : "unitCode",
                        code == null ? "no active unit " + position.unitId() : "no active unit with code " + code));
            } else if (position.personId() != null && unit.closedDuring(position.holderFrom(), null)) {
                errors.add(new ImportPlan.RowError(row, ErrorCode.CONFLICT.type().toString(), "holderFrom",
                        "unit " + unit.code() + " is closed at some time from " + position.holderFrom()
                                + "; a position of a closed unit has no holder"));
            } else if (position.positionId().equals(position.reportsToPositionId())) {
                errors.add(new ImportPlan.RowError(row, ErrorCode.CYCLE.type().toString(), "reportsToPositionId",
                        "a position cannot report to itself"));
            } else if (position.reportsToPositionId() != null && !positions.containsKey(position.reportsToPositionId())
                    && !earlier.contains(position.reportsToPositionId())) {
                errors.add(new ImportPlan.RowError(row, ErrorCode.NOT_FOUND.type().toString(), "reportsToPositionId",
                        "no position " + position.reportsToPositionId() + " exists or comes earlier"));
            } else if (position.reportsToPositionId() != null && positions.containsKey(position.reportsToPositionId())
                    && positions.get(position.reportsToPositionId()).closedFrom() != null) {
                errors.add(new ImportPlan.RowError(row, ErrorCode.CONFLICT.type().toString(), "reportsToPositionId",
                        "position " + position.reportsToPositionId() + " is closed from "
                                + positions.get(position.reportsToPositionId()).closedFrom()));
            }
        }
        return errors;
    }

    /** Each row (numbered from 0) names an existing position: all rows or none, every unknown one reported. */
    void requireRowPositions(List<UUID> rowPositionIds) {
        List<ImportPlan.RowError> errors = new ArrayList<>();
        for (int row = 0; row < rowPositionIds.size(); row++) {
            if (!positions.containsKey(rowPositionIds.get(row))) {
                errors.add(new ImportPlan.RowError(row, ErrorCode.NOT_FOUND.type().toString(), "positionId",
                        "no position " + rowPositionIds.get(row)));
            }
        }
        if (!errors.isEmpty()) {
            throw ImportPlan.rejected(errors, rowPositionIds.size());
        }
    }

    // ---- lines ----------------------------------------------------------------------------------------------

    /** Lines lead to existing positions (404), none to the position itself. */
    void requireLineTargets(UUID positionId, UUID reportsTo, List<UUID> dotted) {
        if (reportsTo != null) {
            requirePosition(reportsTo);
        }
        dotted.forEach(this::requirePosition);
        if (positionId.equals(reportsTo) || dotted.contains(positionId)) {
            throw new OrgException(ErrorCode.CYCLE, "A position cannot report to itself",
                    Map.of("positionId", positionId));
        }
    }

    /** The solid and dotted lines may lead to their positions during {@code [start, end)} ({@code end} null: open-ended). */
    void requireLinesOpenWhile(UUID reportsTo, List<UUID> dotted, Instant start, Instant end) {
        if (reportsTo != null) {
            requireOpenWhile(reportsTo, start, end);
        }
        dotted.forEach(target -> requireOpenWhile(target, start, end));
    }

    /** A line may lead to {@code target} during {@code [start, end)} ({@code end} null: open-ended) if it is open then. */
    private void requireOpenWhile(UUID target, Instant start, Instant end) {
        PositionNode position = requirePosition(target);
        if (position.closedDuring(start, end)) {
            throw new OrgException(ErrorCode.CONFLICT, "Position " + target + " is closed from " + position.closedFrom()
                    + "; no line may lead to it then", Map.of("closedPositionId", target,
                    "closedFrom", position.closedFrom().toString()));
        }
    }

    // ---- closes ---------------------------------------------------------------------------------------------

    /** A closed position takes no change of lines, unit or role from its close on. */
    static void requireNotClosedAt(UUID positionId, PositionNode position, Instant at) {
        if (position.closedAt(at)) {
            throw new OrgException(ErrorCode.ILLEGAL_TRANSITION, "Position " + positionId + " is closed from "
                    + position.closedFrom(), Map.of("positionId", positionId, "closedFrom", position.closedFrom().toString()));
        }
    }

    /**
     * A position closes from {@code at} only if it is not closed already, not held then or later, and no line of an
     * open position leads to it then or later (a line that would start only after its own position's close never
     * does: it cannot be changed any more, so counting it would keep the target open for ever).
     */
    void requireMayClose(UUID positionId, PositionNode position, Instant at) {
        if (position.closedAt(at)) {
            throw new OrgException(ErrorCode.ILLEGAL_TRANSITION, "Position " + positionId + " is already closed from "
                    + position.closedFrom(), Map.of("positionId", positionId, "closedFrom", position.closedFrom().toString()));
        }
        if (position.heldDuring(at, null)) {
            throw new OrgException(ErrorCode.CONFLICT, "Position " + positionId + " is held at some time from " + at
                    + "; end the holding first (vacate the position from the close on)",
                    Map.of("positionId", positionId, "at", at.toString()));
        }
        for (var entry : positions.entrySet()) {
            PositionNode other = entry.getValue();
            if (!other.closedAt(at) && other.linesTo(positionId, at, other.closedFrom())) {
                throw new OrgException(ErrorCode.CONFLICT, "Position " + entry.getKey() + " has a line to position "
                        + positionId + " at some time from " + at + "; change its lines first",
                        Map.of("positionId", positionId, "reportingPositionId", entry.getKey(), "at", at.toString()));
            }
        }
    }

    /** An approval policy names only positions open while it is in force, {@code [from, end)} (null: open-ended). */
    void requireOpenWhileNamed(List<UUID> named, String purpose, Instant from, Instant end) {
        for (UUID positionId : named) {
            PositionNode position = requirePosition(positionId);
            if (position.closedDuring(from, end)) {
                throw new OrgException(ErrorCode.CONFLICT, "Position " + positionId + " is closed from "
                        + position.closedFrom() + ", while the policy would name it (from " + from
                        + (end == null ? "" : " to " + end) + ")", Map.of("positionId", positionId,
                        "closedFrom", position.closedFrom().toString(), "purpose", purpose));
            }
        }
    }

    // ---- holders: a position of a closed unit, or a closed position, has no holder ----------------------------

    /** A holding in {@code [from, to)} ({@code to} null: open-ended) ends after it starts, and nothing is closed then. */
    void requireMayBeHeld(UUID positionId, PositionNode position, Instant from, Instant to) {
        if (to != null && !to.isAfter(from)) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "A holding ends after it starts: to " + to
                    + " is not after from " + from, Map.of("field", "to"));
        }
        if (position.closedDuring(from, to)) {
            throw new OrgException(ErrorCode.CONFLICT, "Position " + positionId + " is closed from "
                    + position.closedFrom() + "; a closed position has no holder",
                    Map.of("positionId", positionId, "closedFrom", position.closedFrom().toString()));
        }
        for (PositionNode.Span span : position.spans(from, to)) {
            UnitNode unit = units.get(span.unitId());
            if (unit.closedDuring(span.start(), span.end())) {
                throw new OrgException(ErrorCode.CONFLICT, "Unit " + unit.code() + " is closed during the holding (from "
                        + from + (to == null ? "" : " to " + to) + "); a position of a "
                        + "closed unit has no holder", Map.of("unitId", span.unitId()));
            }
        }
    }

    /** The unit exists and is active at {@code from}, and is not closed while the position would sit in it held. */
    static void requireMayMoveInto(UUID unitId, UnitNode unit, PositionNode position, Instant from) {
        if (!unit.existsAt(from) || !unit.isActiveAt(from)) {
            throw new OrgException(ErrorCode.CONFLICT, "Unit " + unit.code() + " does not exist or is closed at "
                    + from + "; positions move only into an active unit", Map.of("unitId", unitId,
                    "at", from.toString()));
        }
        for (Instant[] closed : unit.closedStretchesAfter(from, position.newStayHoldsUntil(from))) {
            if (position.heldDuring(closed[0], closed[1])) {
                throw new OrgException(ErrorCode.CONFLICT, "Unit " + unit.code() + " is closed from " + closed[0]
                        + " while the position would sit in it held; a position of a closed unit has no holder (end "
                        + "the holding first)", Map.of("unitId", unitId, "at", closed[0].toString()));
            }
        }
    }

    /** No position is held in the unit while it would be closed: from {@code at} until {@code reopened} (null: never). */
    void requireNoneHeldWhileClosed(UUID unitId, UnitNode unit, Instant at, Instant reopened) {
        for (var entry : positions.entrySet()) {
            boolean heldHere = entry.getValue().spans(at, reopened).stream().anyMatch(span ->
                    span.unitId().equals(unitId) && entry.getValue().heldDuring(span.start(), span.end()));
            if (heldHere) {
                throw new OrgException(ErrorCode.CONFLICT, "Unit " + unit.code() + " has a position that is held while "
                        + "the unit would be closed (from " + at + "); end the holding first (vacate the position "
                        + "from the close on)", Map.of("heldPositionId", entry.getKey(),
                        "at", at.toString()));
            }
        }
    }
}
