package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.command.revision.ExpectedRevision;
import dev.orgservice.command.tenant.TenantGuard;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The rules over the tree's forest of units: unique codes, the plan's limit, which type sits under which, no cycles,
 * no unit deeper than {@link UnitDepths#MAX}, no active unit under a closed parent, and references to cost and
 * profit centers. Changes may be effective-dated, so a rule is checked at the change's instant and at every later
 * scheduled change (the checkpoints).
 * <p>
 * Not state: it reads the tree's own units, codes, change instants and depths (nothing copied), so the tree makes
 * one for each command that needs it.
 */
final class UnitRules {

    private final Map<UUID, UnitNode> units;
    private final Map<String, UUID> unitsByCode;
    private final NavigableSet<Instant> changeInstants;
    private final UnitDepths depths;

    UnitRules(Map<UUID, UnitNode> units, Map<String, UUID> unitsByCode, NavigableSet<Instant> changeInstants,
              UnitDepths depths) {
        this.units = units;
        this.unitsByCode = unitsByCode;
        this.changeInstants = changeInstants;
        this.depths = depths;
    }

    // ---- read access for the import plan ---------------------------------------------------------------------

    UnitNode unit(UUID unitId) {
        return units.get(unitId);
    }

    UUID unitWithCode(String code) {
        return unitsByCode.get(code);
    }

    // ---- existence, revision, plan limit, codes and parent types -------------------------------------------

    UnitNode requireUnit(UUID unitId) {
        UnitNode unit = units.get(unitId);
        if (unit == null) {
            throw OrgException.notFound("Unit " + unitId);
        }
        return unit;
    }

    /**
     * The unit of a change, which must exist (404) and still be at a revision the client expects (412): checked
     * before any rule, so a client that read an old state learns that first.
     */
    UnitNode requireUnitAtRevision(UnitChangeCommand command) {
        UnitNode unit = requireUnit(command.unitId());
        ExpectedRevision.require(command.expected(), unit.revision(), "Unit " + unit.code(),
                Map.of("unitId", command.unitId()));
        return unit;
    }

    /** The unit must already exist at {@code at} (409: it is created later). */
    static UnitNode requireExistingAt(UnitNode unit, UUID unitId, Instant at) {
        if (!unit.existsAt(at)) {
            throw new OrgException(ErrorCode.CONFLICT, "Unit " + unit.code() + " only exists from " + unit.createdFrom(),
                    Map.of("unitId", unitId, "existsFrom", unit.createdFrom().toString()));
        }
        return unit;
    }

    void requireRoomFor(int newUnits, TenantGuard.PlanLimits limits) {
        if (units.size() + newUnits > limits.maxUnits()) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Plan " + limits.plan() + " allows " + limits.maxUnits()
                    + " units; the tenant has " + units.size() + " and asked for " + newUnits + " more",
                    Map.of("plan", limits.plan(), "maxUnits", limits.maxUnits(), "units", units.size()));
        }
    }

    void requireUniqueCode(String code) {
        if (unitsByCode.containsKey(code)) {
            throw new OrgException(ErrorCode.DUPLICATE, "Unit code " + code + " is already used in this tenant",
                    Map.of("code", code, "unitId", unitsByCode.get(code)));
        }
    }

    /** Answers the parent's type; refuses an unknown parent (404) or a type the matrix does not allow (422). */
    UnitType requireAllowedParent(UnitType type, UUID parentId) {
        if (parentId == null) {
            if (!ParentRules.mayBeRoot(type)) {
                throw new OrgException(ErrorCode.RULE_VIOLATION, "A " + type + " needs a parent; only a legal entity "
                        + "may be a root", Map.of("allowedParentTypes", ParentRules.allowedParents(type)));
            }
            return null;
        }
        UnitNode parent = requireUnit(parentId);
        if (!ParentRules.isAllowedParent(type, parent.type())) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "A " + type + " cannot sit under a " + parent.type(),
                    Map.of("allowedParentTypes", ParentRules.allowedParents(type), "parentType", parent.type()));
        }
        return parent.type();
    }

    // ---- status over time -----------------------------------------------------------------------------------

    void requireParentActiveFrom(UUID parentId, Instant from) {
        requireParentActiveWhile(parentId, from, checkpoint -> true);
    }

    /**
     * The new parent takes the unit at its date, and must stay active while it holds it and the unit is active: a
     * unit closed before its new parent closes may stay under it, as a close of the parent allows.
     */
    void requireParentActiveWhileHolding(UnitNode unit, UUID newParentId, Instant at) {
        requireParentActiveWhile(newParentId, at, checkpoint -> unit.parentChangesBetween(at, checkpoint) == 0
                && (checkpoint.equals(at) || unit.isActiveAt(checkpoint)));
    }

    /** The parent is active at {@code from} and at every later checkpoint for which {@code applies} holds. */
    private void requireParentActiveWhile(UUID parentId, Instant from, Predicate<Instant> applies) {
        UnitNode parent = units.get(parentId);
        for (Instant at : checkpointsFrom(from)) {
            if (!applies.test(at)) {
                continue;
            }
            if (!parent.existsAt(at) || !parent.isActiveAt(at)) {
                throw parentNotActive(parent, parentId, at);
            }
        }
    }

    /** A reopened unit's parent is active at every checkpoint until the unit's next change of status. */
    void requireParentActiveWhileReopened(UnitNode unit, Instant at) {
        for (Instant checkpoint : checkpointsFrom(at)) {
            if (unit.statusChangesBetween(at, checkpoint) > 0) {
                break;
            }
            UUID parentId = unit.parentAt(checkpoint);
            UnitNode parent = parentId == null ? null : units.get(parentId);
            if (parent != null && (!parent.existsAt(checkpoint) || !parent.isActiveAt(checkpoint))) {
                throw parentNotActive(parent, parentId, checkpoint);
            }
        }
    }

    private static OrgException parentNotActive(UnitNode parent, UUID parentId, Instant at) {
        return new OrgException(ErrorCode.CONFLICT, "Parent " + parent.code() + " is not active at " + at
                + "; a closed unit takes no new children", Map.of("parentId", parentId, "at", at.toString()));
    }

    static void requireActiveAt(UnitNode unit, Instant at) {
        if (!unit.isActiveAt(at)) {
            throw new OrgException(ErrorCode.ILLEGAL_TRANSITION, "Unit " + unit.code() + " is already closed at " + at,
                    Map.of("currentStatus", UnitStatus.CLOSED));
        }
    }

    static void requireClosedAt(UnitNode unit, Instant at) {
        if (unit.isActiveAt(at)) {
            throw new OrgException(ErrorCode.ILLEGAL_TRANSITION, "Unit " + unit.code() + " is not closed at " + at,
                    Map.of("currentStatus", UnitStatus.ACTIVE));
        }
    }

    /**
     * No child of the unit is active while the unit would be closed, from {@code at} until {@code reopened} (null:
     * no reopening). Only the units that are ever its children are looked at, not every unit at every checkpoint (a
     * close backdated before thousands of changes on a 100,000-unit tree walked 10^8 parents, holding the tree's lock).
     */
    void requireNoActiveChildWhileClosed(UUID unitId, UnitNode unit, Instant at, Instant reopened) {
        List<UUID> children = depths.childrenEver(unitId);
        for (Instant checkpoint : children.isEmpty() ? List.<Instant>of() : checkpointsFrom(at)) {
            if (reopened != null && !checkpoint.isBefore(reopened)) {
                break;
            }
            for (UUID childId : children) {
                UnitNode child = units.get(childId);
                if (unitId.equals(child.parentAt(checkpoint)) && child.existsAt(checkpoint)
                        && child.isActiveAt(checkpoint)) {
                    throw new OrgException(ErrorCode.CONFLICT, "Unit " + unit.code() + " has an active child "
                            + child.code() + " at " + checkpoint + "; close or move its children first",
                            Map.of("activeChildId", childId, "at", checkpoint.toString()));
                }
            }
        }
    }

    // ---- cycles and depth -----------------------------------------------------------------------------------

    void requireNoCycle(UUID unitId, UUID newParentId, Instant from) {
        if (wouldCreateCycle(unitId, newParentId, from)) {
            throw new OrgException(ErrorCode.CYCLE, "Moving unit " + units.get(unitId).code() + " under "
                    + units.get(newParentId).code() + " would put it under its own descendant",
                    Map.of("unitId", unitId, "newParentId", newParentId));
        }
    }

    /** Walks up from the new parent at every checkpoint, with the move applied, looking for the unit itself. */
    boolean wouldCreateCycle(UUID unitId, UUID newParentId, Instant from) {
        UnitNode moving = units.get(unitId);
        for (Instant at : checkpointsFrom(from)) {
            boolean moveStillApplies = moving.parentChangesBetween(from, at) == 0;
            UUID current = moveStillApplies ? newParentId : moving.parentAt(at);
            for (int steps = 0; current != null && steps <= units.size(); steps++) {
                if (current.equals(unitId)) {
                    return true;
                }
                current = units.get(current).parentAt(at);
            }
        }
        return false;
    }

    void requireDepthOfNewChild(String code, UUID parentId, Instant from) {
        int depth = deepestChildOf(parentId, from);
        if (depth > UnitDepths.MAX) {
            throw tooDeep("Unit " + code + " would sit " + depth + " levels below its root", depth);
        }
    }

    /**
     * The deepest a new child of {@code parentId} would sit, at {@code from} or any later checkpoint. Its depth changes
     * only when one of its ancestors moves, so only those instants are walked: every checkpoint of the tree, for each
     * parent of a backdated import on a tree grown by single commands, held the tree's lock for minutes.
     */
    int deepestChildOf(UUID parentId, Instant from) {
        int deepest = 0;
        NavigableSet<Instant> moves = new TreeSet<>(List.of(from));
        for (Instant at = from; at != null; at = moves.higher(at)) {
            deepest = Math.max(deepest, depths.depthAt(parentId, at, moves::add) + 1);
        }
        return deepest;
    }

    /**
     * The moved subtree stays within {@link UnitDepths#MAX} levels at every checkpoint the move applies to. Where the
     * move does not take the unit deeper, its subtree was within the limit before and stays so: only a deeper move
     * measures the subtree.
     */
    void requireDepthAfterMove(UUID unitId, UUID newParentId, Instant from) {
        UnitNode moving = units.get(unitId);
        for (Instant at : checkpointsFrom(from)) {
            if (moving.parentChangesBetween(from, at) > 0) {
                return; // its own later move takes over, and was checked when it was made
            }
            int depth = depths.depthAt(newParentId, at) + 1;
            if (depth > depths.depthAt(unitId, at)
                    && (depth > UnitDepths.MAX || !depths.subtreeWithin(unitId, at, UnitDepths.MAX - depth))) {
                throw tooDeep("Moving unit " + moving.code() + " under " + units.get(newParentId).code() + " would put "
                        + "its subtree more than " + UnitDepths.MAX + " levels below its root at " + at, depth);
            }
        }
    }

    private static OrgException tooDeep(String message, int depth) {
        return new OrgException(ErrorCode.RULE_VIOLATION, message + "; a unit sits at most " + UnitDepths.MAX
                + " levels below its root", Map.of("maxDepth", UnitDepths.MAX, "depth", depth));
    }

    /** The instant itself and every later scheduled change: where effective-dated rules must hold. */
    private List<Instant> checkpointsFrom(Instant at) {
        List<Instant> checkpoints = new ArrayList<>();
        checkpoints.add(at);
        checkpoints.addAll(changeInstants.tailSet(at, false));
        return checkpoints;
    }

    // ---- details --------------------------------------------------------------------------------------------

    /**
     * A change's details that the unit's type does not take ({@link UnitDetails#foreignTo}), as a create refuses them:
     * a department with a responsible person was stored by a {@code PATCH}, and the export then wrote a file the
     * import refused (a review found it, 2026-11-29).
     */
    void requireDetailsOfType(UnitType type, UnitDetails details) {
        List<String> foreign = details == null ? List.of() : details.foreignTo(type);
        if (!foreign.isEmpty()) {
            throw new OrgException(ErrorCode.VALIDATION, "The details do not belong to a " + type, Map.of("errors",
                    foreign.stream().map(field -> new Problems.FieldError(field, "not a detail of a " + type)).toList()));
        }
    }

    /**
     * A department's cost and profit center must be units of those types in this tenant; a cost or profit center's
     * validity must end after the unit begins.
     */
    void requireValidDetails(UnitType type, UnitDetails details, Instant existsFrom, Map<UUID, UnitType> alsoKnown) {
        if (details == null) {
            return;
        }
        if (details.validTo() != null && !details.validTo().isAfter(existsFrom)) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "validTo " + details.validTo()
                    + " must be after the unit's effectiveFrom " + existsFrom, Map.of("field", "validTo"));
        }
        requireReference(details.costCenterId(), UnitType.COST_CENTER, type, alsoKnown);
        requireReference(details.profitCenterId(), UnitType.PROFIT_CENTER, type, alsoKnown);
    }

    private void requireReference(UUID referenced, UnitType expected, UnitType type, Map<UUID, UnitType> alsoKnown) {
        if (referenced == null) {
            return;
        }
        if (type != UnitType.DEPARTMENT) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Only a department is assigned a " + expected);
        }
        UnitType actual = units.containsKey(referenced) ? units.get(referenced).type() : alsoKnown.get(referenced);
        if (actual == null) {
            throw OrgException.notFound(expected + " " + referenced);
        }
        if (actual != expected) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Unit " + referenced + " is a " + actual + ", not a " + expected);
        }
    }
}
