package dev.orgservice.local;

import dev.orgservice.api.structure.UnitType;

import java.time.Instant;

import static dev.orgservice.api.error.ErrorCode.CONFLICT;
import static dev.orgservice.api.error.ErrorCode.CYCLE;
import static dev.orgservice.api.error.ErrorCode.ILLEGAL_TRANSITION;
import static dev.orgservice.api.error.ErrorCode.RULE_VIOLATION;

/**
 * Tells, from the {@link TreeModel} before a command, whether the server must accept {@link StructureProperties}'
 * create, move or close, and if not, which problem it answers. The rules, in the order the tree checks them (the first
 * broken one answers), written from {@code OrganizationTree}, {@code UnitRules} and {@code ParentRules} and as
 * docs/api.md and docs/architecture.md ("Effective dating") state them. A rule "from {@code at} on" is checked at
 * {@code at} and at every later instant at which a recorded change takes effect (the checkpoints), so a change that is
 * harmless today but breaks a rule once an already scheduled change takes effect is refused.
 * <ul>
 * <li>Create of a department under {@code parent} at {@code at}: the parent exists and is active from {@code at} on,
 * else {@code 409 conflict} (a parent with any close recorded, earlier or later, is refused).</li>
 * <li>Move of {@code unit} under {@code target} at {@code at}: the unit exists at {@code at}, else {@code 409
 * conflict}; the parent type is allowed (the root legal entity under a department is {@code 422 rule-violation}); a
 * move under the parent it already has at {@code at} is accepted and records nothing; while the move applies (from
 * {@code at} until the unit's own next scheduled move), the target is not the unit or one of its descendants, else
 * {@code 409 cycle} (the root under itself too); and while the move applies, the target exists and is active at
 * {@code at} and at every checkpoint at which the moved unit is active, else {@code 409 conflict} (a unit that closes
 * before its new parent may stay under it).</li>
 * <li>Close of {@code unit} at {@code at}: the unit exists at {@code at}, else {@code 409 conflict}; it is active at
 * {@code at}, else {@code 409 illegal-transition} (a close scheduled for later does not stop an earlier one); and
 * from {@code at} on no unit is then its child, exists and is active, else {@code 409 conflict} (children created,
 * moved in or closed later count at their instants).</li>
 * </ul>
 * Not modelled, because the test cannot reach them: a stale {@code If-Match} ({@code 412}, checked before every rule,
 * asserted by the test itself), the tenant's state and plan limit, unique codes (each create has its own), an unknown
 * unit or parent (the test names only created units), the depth limit (at most 26 units, so no unit sits deeper than
 * 25 levels, below the 64 allowed), the "until the unit's next scheduled reopen" of a close (nothing is reopened),
 * positions (there are none) and cost or profit centers.
 */
final class TreeOracle {

    private final TreeModel tree;

    TreeOracle(TreeModel tree) {
        this.tree = tree;
    }

    Verdict create(String parent, Instant at) {
        if (!maySitUnder(UnitType.DEPARTMENT, tree.type(parent))) {
            return Verdict.refused(RULE_VIOLATION, "a department under a " + tree.type(parent));
        }
        for (Instant checkpoint : tree.checkpointsFrom(at)) {
            if (!tree.activeAt(parent, checkpoint)) {
                return Verdict.refused(CONFLICT, "parent " + parent + " not active at " + checkpoint);
            }
        }
        return Verdict.ACCEPTED;
    }

    Verdict move(String unit, String target, Instant at) {
        if (!tree.existsAt(unit, at)) {
            return Verdict.refused(CONFLICT, unit + " does not exist yet at " + at);
        }
        if (!maySitUnder(tree.type(unit), tree.type(target))) {
            return Verdict.refused(RULE_VIOLATION, "a " + tree.type(unit) + " under a " + tree.type(target));
        }
        if (target.equals(tree.parentAt(unit, at))) {
            return Verdict.ACCEPTED; // nothing to change
        }
        for (Instant checkpoint : tree.checkpointsFrom(at)) {
            if (tree.movesBetween(unit, at, checkpoint)) {
                break;
            }
            if (isAncestorOrSelf(unit, target, checkpoint)) {
                return Verdict.refused(CYCLE, target + " is " + unit + " or below it at " + checkpoint);
            }
        }
        for (Instant checkpoint : tree.checkpointsFrom(at)) {
            if (tree.movesBetween(unit, at, checkpoint)) {
                break;
            }
            boolean holdsIt = checkpoint.equals(at) || tree.activeAt(unit, checkpoint);
            if (holdsIt && !tree.activeAt(target, checkpoint)) {
                return Verdict.refused(CONFLICT, "new parent " + target + " not active at " + checkpoint);
            }
        }
        return Verdict.ACCEPTED;
    }

    Verdict close(String unit, Instant at) {
        if (!tree.existsAt(unit, at)) {
            return Verdict.refused(CONFLICT, unit + " does not exist yet at " + at);
        }
        if (!tree.activeAt(unit, at)) {
            return Verdict.refused(ILLEGAL_TRANSITION, unit + " is already closed at " + at);
        }
        for (Instant checkpoint : tree.checkpointsFrom(at)) {
            for (String child : tree.units()) {
                if (unit.equals(tree.parentAt(child, checkpoint)) && tree.activeAt(child, checkpoint)) {
                    return Verdict.refused(CONFLICT, "active child " + child + " at " + checkpoint);
                }
            }
        }
        return Verdict.ACCEPTED;
    }

    /** The parent matrix (docs/architecture.md) for the two types the test has: a department, the root legal entity. */
    private static boolean maySitUnder(UnitType child, UnitType parent) {
        return parent == UnitType.LEGAL_ENTITY || child == UnitType.DEPARTMENT && parent == UnitType.DEPARTMENT;
    }

    /** Whether {@code ancestor} is {@code unit} or above it at {@code at}. */
    private boolean isAncestorOrSelf(String ancestor, String unit, Instant at) {
        String up = unit;
        for (int steps = 0; up != null && steps <= tree.units().size(); steps++, up = tree.parentAt(up, at)) {
            if (up.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
