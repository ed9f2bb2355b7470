package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random effective-dated changes of four positions' solid lines, moves of them between three units, changes of their
 * manager role, and closes of them, over three weeks, through the real APIs, against a day-by-day model: a change of
 * lines holds from its day until the position's next change of lines, a move until its next move, a change of role
 * until its next change of role, a close from its day on. The server accepts a change of lines exactly when the model
 * then has no line leading to a closed position, a move or a change of role exactly when the position is not closed
 * on its day, and a close exactly when no open position's line leads to the position from then on, each only if no
 * management chain then leads back to where it started on any day (a position reports to its explicit line, else to
 * its unit's manager unless it is that manager, else to the root unit's); the read model then shows, for every position and day, the model's line, unit, role and
 * close, and for every unit and day its manager: the open manager position there that has been one there the longest
 * without a break, but never from before its creation (a position's first unit and role hold at every day), then the
 * earliest created (moves, changes of lines and of role cut the same rows of the read model, in any order).
 */
class ReportingLinesProperties extends RunningSystem {

    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    private static final int DAYS = 21;
    private static final int POSITIONS = 4;
    /** Three, so that a move recorded before an earlier one can differ from both the unit before and after it. */
    private static final int UNITS = 3;

    enum Kind { LINES, MOVE, ROLE, CLOSE }

    /**
     * From day {@code from}: position {@code position} reports to {@code to} (-1: no explicit line), or moves to unit
     * {@code floorMod(to, 3)}, or is a manager position ({@code to} even) or not, or closes.
     */
    record Op(Kind kind, int position, int to, int from) {

        int unit() {
            return Math.floorMod(to, UNITS);
        }

        boolean manager() {
            return Math.floorMod(to, 2) == 0;
        }
    }

    /**
     * Each position's lines, unit and role (1: a manager position) from each day on (from Integer.MIN_VALUE: as
     * created), its close (null: open), and when it was created (in days after the first day, a fraction of the day
     * the test runs on).
     */
    record Model(List<TreeMap<Integer, Integer>> lines, List<TreeMap<Integer, Integer>> units,
                 List<TreeMap<Integer, Integer>> roles, List<Integer> closedFrom, List<Double> createdOn) {

        Model copy() {
            return new Model(copied(lines), copied(units), copied(roles), new ArrayList<>(closedFrom), createdOn);
        }

        private static List<TreeMap<Integer, Integer>> copied(List<TreeMap<Integer, Integer>> timelines) {
            List<TreeMap<Integer, Integer>> copied = new ArrayList<>();
            timelines.forEach(each -> copied.add(new TreeMap<>(each)));
            return copied;
        }

        boolean managerAt(int position, int day) {
            return roles.get(position).floorEntry(day).getValue() == 1;
        }

        /** The unit's manager on the day (-1: none): see the class comment; positions were created in index order. */
        int managerOf(int unit, int day) {
            int manager = -1;
            double managerSince = Double.MAX_VALUE;
            for (int p = 0; p < POSITIONS; p++) {
                if (closedAt(p, day) || unitAt(p, day) != unit || !managerAt(p, day)) {
                    continue;
                }
                int since = day;
                while (since > 0 && unitAt(p, since - 1) == unit && managerAt(p, since - 1)) {
                    since--;
                }
                // never from before the position's creation: its first unit and role, which hold at every day, and a
                // move or change of role for a day before it count from then
                double from = Math.max(since, createdOn.get(p));
                if (from < managerSince) {
                    manager = p;
                    managerSince = from;
                }
            }
            return manager;
        }

        int lineAt(int position, int day) {
            return lines.get(position).floorEntry(day).getValue();
        }

        int unitAt(int position, int day) {
            return units.get(position).floorEntry(day).getValue();
        }

        boolean closedAt(int position, int day) {
            return closedFrom.get(position) != null && closedFrom.get(position) <= day;
        }

        /**
         * Whether a line of {@code position} leads to {@code target} on some day from {@code day} on while
         * {@code position} is open (its lines from its own close on lead nowhere).
         */
        boolean linesTo(int position, int target, int day) {
            Integer closes = closedFrom.get(position);
            for (var entry : lines.get(position).entrySet()) {
                Integer next = lines.get(position).higherKey(entry.getKey());
                if (entry.getValue() == target && (next == null || next > day)
                        && (closes == null || entry.getKey() < closes)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        return Combinators.combine(Arbitraries.integers().between(0, 8)
                                .map(kind -> kind == 0 ? Kind.CLOSE : kind <= 2 ? Kind.MOVE : kind <= 4 ? Kind.ROLE
                                        : Kind.LINES),
                        Arbitraries.integers().between(0, POSITIONS - 1), Arbitraries.integers().between(-1, POSITIONS - 1),
                        Arbitraries.integers().between(1, DAYS - 1))
                .as(Op::new).list().ofMinSize(4).ofMaxSize(14);
    }

    /**
     * Moves and changes of role of two positions alone (P0 a manager position from the start, P1 not): so that one
     * position's role and units change several times, recorded out of date order, and a position moved or made a
     * manager position later meets one that has been a manager somewhere longer, often.
     */
    @Provide
    Arbitrary<List<Op>> movesAndRoles() {
        return Combinators.combine(Arbitraries.of(Kind.MOVE, Kind.ROLE), Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(-1, POSITIONS - 1), Arbitraries.integers().between(1, DAYS - 1))
                .as(Op::new).list().ofMinSize(4).ofMaxSize(12);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void acceptsExactlyTheChangesTheRulesAllowAndShowsEachDaysLinesUnitsRolesAndManagers(
            @ForAll("operations") List<Op> ops) {
        checkAgainstTheModel(ops);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void showsEachDaysManagersAfterMovesAndChangesOfRoleInAnyOrder(@ForAll("movesAndRoles") List<Op> ops) {
        checkAgainstTheModel(ops);
    }

    private void checkAgainstTheModel(List<Op> ops) {
        String tenant = activeTenant(newSlug("lines"), "ENTERPRISE");
        String editor = TestTokens.forTenant(UUID.fromString(tenant), "prop", "ORG_EDITOR");
        String api = "/api/v1/tenants/" + tenant;
        // the units exist from before the first day, so that a move on any day finds its unit
        Http.Response last = commands.post(api + "/units", editor, "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT\","
                + "\"name\":\"root\",\"country\":\"DE\",\"currency\":\"EUR\",\"effectiveFrom\":\"" + BASE + "\"}");
        String root = last.json().get("unitId").asText();
        List<String> units = new ArrayList<>(List.of(root));
        for (int i = 1; i < UNITS; i++) {
            last = commands.post(api + "/units", editor, "{\"type\":\"DEPARTMENT\",\"code\":\"D" + i + "\",\"name\":\"d\","
                    + "\"parentId\":\"" + root + "\",\"effectiveFrom\":\"" + BASE + "\"}");
            units.add(last.json().get("unitId").asText());
        }
        List<String> positions = new ArrayList<>();
        Model model = new Model(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int i = 0; i < POSITIONS; i++) {
            boolean manager = i % 2 == 0;
            last = commands.post(api + "/positions", editor, "{\"unitId\":\"" + root + "\",\"title\":\"P" + i
                    + "\",\"manager\":" + manager + "}");
            positions.add(last.json().get("positionId").asText());
            model.createdOn().add(Duration.between(BASE, Instant.now()).toMillis() / (double) Duration.ofDays(1).toMillis());
            model.lines().add(new TreeMap<>(Map.of(Integer.MIN_VALUE, -1)));
            model.units().add(new TreeMap<>(Map.of(Integer.MIN_VALUE, 0)));
            model.roles().add(new TreeMap<>(Map.of(Integer.MIN_VALUE, manager ? 1 : 0)));
            model.closedFrom().add(null);
        }

        for (Op op : ops) {
            Model after = model.copy();
            String position = api + "/positions/" + positions.get(op.position());
            String from = "\"effectiveFrom\":\"" + day(op.from()) + "\"";
            boolean accepted = switch (op.kind()) {
                case CLOSE -> close(after, op);
                case MOVE -> move(after, op);
                case ROLE -> changeRole(after, op);
                case LINES -> changeLines(after, op);
            };
            Http.Response response = switch (op.kind()) {
                case CLOSE -> commands.post(position + "/close", editor, "{" + from + "}");
                case MOVE -> commands.post(position + "/move", editor, "{\"unitId\":\"" + units.get(op.unit()) + "\","
                        + from + "}");
                case ROLE -> commands.put(position + "/manager-role", editor, "{\"manager\":" + op.manager() + ","
                        + from + "}");
                case LINES -> commands.put(position + "/reporting-lines", editor, "{\"reportsToPositionId\":"
                        + (op.to() < 0 ? "null" : "\"" + positions.get(op.to()) + "\"") + "," + from + "}");
            };
            assertThat(response.status()).as("%s after %s: %s", op, ops, response.body()).isEqualTo(accepted ? 200 : 409);
            if (accepted) {
                model = after;
                last = response;
            }
        }

        for (int i = 0; i < POSITIONS; i++) {
            for (int d = 0; d <= DAYS; d++) {
                Http.Response read = queries.get(api + "/positions/" + positions.get(i) + "?asOf="
                        + day(d).plus(Duration.ofHours(12)) + "&minPosition=" + last.position(), editor);
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                JsonNode line = read.json().get("reportsToPositionId");
                int expected = model.lineAt(i, d);
                assertThat(line == null || line.isNull() ? null : line.asText())
                        .as("P%d on day %d after %s", i, d, ops)
                        .isEqualTo(expected < 0 ? null : positions.get(expected));
                assertThat(read.json().get("unitId").asText()).as("P%d's unit on day %d after %s", i, d, ops)
                        .isEqualTo(units.get(model.unitAt(i, d)));
                assertThat(read.json().get("manager").asBoolean()).as("P%d's role on day %d after %s", i, d, ops)
                        .isEqualTo(model.managerAt(i, d));
                JsonNode closed = read.json().get("closedFrom");
                Integer closedFrom = model.closedFrom().get(i);
                assertThat(closed == null ? null : Instant.parse(closed.asText()))
                        .as("P%d's close after %s", i, ops).isEqualTo(closedFrom == null ? null : day(closedFrom));
            }
        }
        // a unit's page lists its manager first
        for (int u = 0; u < UNITS; u++) {
            for (int d = 0; d <= DAYS; d++) {
                Http.Response page = queries.get(api + "/units/" + units.get(u) + "/positions?asOf="
                        + day(d).plus(Duration.ofHours(12)) + "&minPosition=" + last.position(), editor);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                JsonNode first = page.json().get("items").path(0);
                int expected = model.managerOf(u, d);
                String manager = first.path("manager").asBoolean() ? first.get("positionId").asText() : null;
                assertThat(manager).as("unit %d's manager on day %d after %s", u, d, ops)
                        .isEqualTo(expected < 0 ? null : positions.get(expected));
            }
        }
    }

    /** The model after the change of role, if the server is to accept it. */
    private static boolean changeRole(Model model, Op op) {
        if (model.closedAt(op.position(), op.from())) {
            return false;
        }
        if (model.managerAt(op.position(), op.from()) != op.manager()) {
            model.roles().get(op.position()).put(op.from(), op.manager() ? 1 : 0);
        }
        return !hasLoop(model);
    }

    /** The model after the change of lines, if the server is to accept it. */
    private static boolean changeLines(Model model, Op op) {
        int position = op.position();
        if (op.to() == position || model.closedAt(position, op.from())) {
            return false;
        }
        if (model.lineAt(position, op.from()) == op.to()) {
            return true; // already in effect
        }
        Integer until = model.lines().get(position).higherKey(op.from());
        Integer closes = model.closedFrom().get(position);
        Integer end = until == null || (closes != null && closes < until) ? closes : until;
        Integer targetCloses = op.to() < 0 ? null : model.closedFrom().get(op.to());
        if (targetCloses != null && (end == null || end > targetCloses)) {
            return false;
        }
        model.lines().get(position).put(op.from(), op.to());
        return !hasLoop(model);
    }

    /** The model after the move, if the server is to accept it (the units are always active). */
    private static boolean move(Model model, Op op) {
        if (model.closedAt(op.position(), op.from())) {
            return false;
        }
        if (model.unitAt(op.position(), op.from()) != op.unit()) {
            model.units().get(op.position()).put(op.from(), op.unit());
        }
        return !hasLoop(model);
    }

    /** The model after the close, if the server is to accept it. */
    private static boolean close(Model model, Op op) {
        if (model.closedAt(op.position(), op.from())) {
            return false;
        }
        for (int other = 0; other < POSITIONS; other++) {
            if (other != op.position() && !model.closedAt(other, op.from()) && model.linesTo(other, op.position(), op.from())) {
                return false;
            }
        }
        model.closedFrom().set(op.position(), op.from());
        return !hasLoop(model);
    }

    /** Whether some open position's management chain leads back to it on some day. */
    private static boolean hasLoop(Model model) {
        for (int d = 0; d <= DAYS; d++) {
            for (int start = 0; start < POSITIONS; start++) {
                if (model.closedAt(start, d)) {
                    continue;
                }
                Set<Integer> seen = new HashSet<>(Set.of(start));
                for (int p = nextInChain(model, start, d); p >= 0; p = nextInChain(model, p, d)) {
                    if (p == start) {
                        return true;
                    }
                    if (!seen.add(p)) {
                        break;
                    }
                }
            }
        }
        return false;
    }

    /** Whom the position reports to on the day (-1: nobody): the units D1 and D2 sit under the root unit. */
    private static int nextInChain(Model model, int position, int day) {
        if (model.lineAt(position, day) >= 0) {
            return model.lineAt(position, day);
        }
        int unit = model.unitAt(position, day);
        int manager = model.managerOf(unit, day);
        return manager >= 0 && manager != position ? manager : unit == 0 ? -1 : model.managerOf(0, day);
    }

    private static Instant day(int day) {
        return BASE.plus(Duration.ofDays(day));
    }
}
