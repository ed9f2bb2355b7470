package dev.orgservice.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.orgservice.api.error.ErrorCode.CONFLICT;
import static dev.orgservice.api.error.ErrorCode.ILLEGAL_TRANSITION;

/**
 * {@link HeldPositionsProperties}' departments and their positions (position {@code i} created in department
 * {@code i}), day by day: every date the test sends is a day's start, so a day stands for all its instants, and the
 * last day for every later one. It keeps when each department is closed, in which department each position sits, on
 * which days it is held, and from when it is closed. Each command is judged by the rules, in the order the tree checks
 * them ({@code OrganizationTree}, {@code UnitRules}, {@code PositionRules}; docs/api.md), and recorded if they allow it:
 * <ul>
 * <li>close a department on day {@code d}: closed on {@code d} already, {@code 409 illegal-transition}; one of the
 * positions held on a day from {@code d} until the department's next reopening while it sits there, {@code 409
 * conflict};</li>
 * <li>reopen: open on {@code d}, {@code 409 illegal-transition};</li>
 * <li>hold {@code [from, to)} (no {@code to}: open-ended): the position closed on some day of it, or the department it
 * then sits in closed that day, {@code 409 conflict}; the holding replaces the ones it overlaps;</li>
 * <li>vacate from {@code d}: always accepted, and nothing is held from {@code d} on;</li>
 * <li>close a position on {@code d}: closed on {@code d} already, {@code 409 illegal-transition} (a close from an
 * earlier day moves the close); held on some day from {@code d} on, {@code 409 conflict};</li>
 * <li>move a position into a department on {@code d}: the position closed on {@code d}, {@code 409 illegal-transition};
 * there already on {@code d}, accepted with nothing recorded; the department closed on {@code d}, or closed on a day
 * the position would sit there held (until its next move or its close), {@code 409 conflict}.</li>
 * </ul>
 * Not reachable here: an unknown or stale unit or position (no {@code If-Match} is sent), a change before a department
 * exists (all exist from day 0, the changes come from day 1), a closed parent (the root never closes), children of a
 * department (it has none), lines, manager roles and approval policies (none, so no management chain can loop), and a
 * holding that ends before it starts (never sent).
 */
final class HoldingsModel {

    private final int days;
    /** From each day on (from {@code Integer.MIN_VALUE}: as created). */
    private final List<TreeMap<Integer, Boolean>> departmentOpen = new ArrayList<>();
    private final List<TreeMap<Integer, Integer>> positionIn = new ArrayList<>();
    private final List<boolean[]> held = new ArrayList<>();
    /** Null: open. */
    private final List<Integer> closedFrom = new ArrayList<>();

    HoldingsModel(int departments, int days) {
        this.days = days;
        for (int i = 0; i < departments; i++) {
            departmentOpen.add(new TreeMap<>(Map.of(Integer.MIN_VALUE, true)));
            positionIn.add(new TreeMap<>(Map.of(Integer.MIN_VALUE, i)));
            held.add(new boolean[days]);
            closedFrom.add(null);
        }
    }

    Verdict close(int department, int day) {
        if (!openOn(department, day)) {
            return Verdict.refused(ILLEGAL_TRANSITION, "D" + department + " is closed on day " + day);
        }
        Integer reopened = departmentOpen.get(department).tailMap(day, false).entrySet().stream()
                .filter(Map.Entry::getValue).map(Map.Entry::getKey).findFirst().orElse(days);
        for (int d = day; d < reopened; d++) {
            for (int p = 0; p < held.size(); p++) {
                if (in(p, d) == department && heldOn(p, d)) {
                    return Verdict.refused(CONFLICT, "P" + p + " is held in D" + department + " on day " + d);
                }
            }
        }
        departmentOpen.get(department).put(day, false);
        return Verdict.ACCEPTED;
    }

    Verdict reopen(int department, int day) {
        if (openOn(department, day)) {
            return Verdict.refused(ILLEGAL_TRANSITION, "D" + department + " is open on day " + day);
        }
        departmentOpen.get(department).put(day, true);
        return Verdict.ACCEPTED;
    }

    /** {@code to} null: open-ended. */
    Verdict hold(int position, int from, Integer to) {
        int end = to == null ? days : Math.min(to, days);
        if (closedFrom.get(position) != null && closedFrom.get(position) < end) {
            return Verdict.refused(CONFLICT, "P" + position + " is closed from day " + closedFrom.get(position));
        }
        for (int d = from; d < end; d++) {
            if (!openOn(in(position, d), d)) {
                return Verdict.refused(CONFLICT, "D" + in(position, d) + " is closed on day " + d);
            }
        }
        Arrays.fill(held.get(position), from, end, true);
        return Verdict.ACCEPTED;
    }

    Verdict vacate(int position, int from) {
        Arrays.fill(held.get(position), from, days, false);
        return Verdict.ACCEPTED;
    }

    Verdict closePosition(int position, int day) {
        if (closedOn(position, day)) {
            return closed(position);
        }
        for (int d = day; d < days; d++) {
            if (heldOn(position, d)) {
                return Verdict.refused(CONFLICT, "P" + position + " is held on day " + d);
            }
        }
        closedFrom.set(position, day);
        return Verdict.ACCEPTED;
    }

    Verdict move(int position, int department, int day) {
        if (closedOn(position, day)) {
            return closed(position);
        }
        if (in(position, day) == department) {
            return Verdict.ACCEPTED; // nothing to change
        }
        Integer nextMove = positionIn.get(position).higherKey(day);
        int end = Math.min(nextMove == null ? days : nextMove, closedFrom.get(position) == null ? days
                : closedFrom.get(position));
        for (int d = day; d < end; d++) {
            if (!openOn(department, d) && (d == day || heldOn(position, d))) {
                return Verdict.refused(CONFLICT, "D" + department + " is closed on day " + d);
            }
        }
        positionIn.get(position).put(day, department);
        return Verdict.ACCEPTED;
    }

    boolean openOn(int department, int day) {
        return departmentOpen.get(department).floorEntry(day).getValue();
    }

    int in(int position, int day) {
        return positionIn.get(position).floorEntry(day).getValue();
    }

    boolean heldOn(int position, int day) {
        return held.get(position)[Math.min(day, days - 1)];
    }

    Integer closedFrom(int position) {
        return closedFrom.get(position);
    }

    private Verdict closed(int position) {
        return Verdict.refused(ILLEGAL_TRANSITION, "P" + position + " is closed from day " + closedFrom.get(position));
    }

    private boolean closedOn(int position, int day) {
        return closedFrom.get(position) != null && closedFrom.get(position) <= day;
    }
}
