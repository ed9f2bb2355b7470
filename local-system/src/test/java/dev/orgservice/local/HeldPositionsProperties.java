package dev.orgservice.local;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of closes, reopenings, holdings and vacancies, effective-dated over three weeks, on three
 * departments with one position each, and closes and moves of the positions themselves, through the real APIs.
 * The server accepts a command exactly when the rules allow it on {@link HoldingsModel}, a day-by-day model of what it
 * accepted (its Javadoc lists the rules), and else refuses it with the status and problem type of the first rule it
 * breaks: so a server that refused valid changes fails too. The read model then shows, for every position and day, the
 * model's unit, holding, close and status of its unit, and never a position held on a day the unit it then sits in is
 * closed, or it is closed itself.
 */
class HeldPositionsProperties extends RunningSystem {

    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    private static final int DAYS = 21;
    private static final int UNITS = 3;

    enum Kind { CLOSE, REOPEN, HOLD, VACATE, CLOSE_POSITION, MOVE_POSITION }

    /** {@code to} is only for a holding: a day after {@code from}, or none (open-ended). */
    record Op(Kind kind, int unit, int from, int length) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, UNITS - 1),
                Arbitraries.integers().between(1, DAYS - 1), Arbitraries.integers().between(0, 8)).as(Op::new).list()
                .ofMinSize(4).ofMaxSize(16);
    }

    @Property(tries = 25, shrinking = ShrinkingMode.OFF)
    void acceptsExactlyTheChangesTheRulesAllowAndNoPositionIsHeldOnADayItsUnitIsClosed(
            @ForAll("operations") List<Op> ops) {
        String tenant = activeTenant(newSlug("held"), "ENTERPRISE");
        String editor = TestTokens.forTenant(UUID.fromString(tenant), "prop", "ORG_EDITOR");
        String api = "/api/v1/tenants/" + tenant;
        Http.Response last = commands.post(api + "/units", editor, """
                {"type":"LEGAL_ENTITY","code":"ROOT","name":"root","country":"DE","currency":"EUR","effectiveFrom":"%s"}"""
                .formatted(BASE));
        String root = last.json().get("unitId").asText();
        List<String> units = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            last = commands.post(api + "/units", editor, """
                    {"type":"DEPARTMENT","code":"D%d","name":"d","parentId":"%s","effectiveFrom":"%s"}"""
                    .formatted(i, root, BASE));
            units.add(last.json().get("unitId").asText());
            last = commands.post(api + "/positions", editor, "{\"unitId\":\"" + units.get(i) + "\",\"title\":\"P\"}");
            positions.add(last.json().get("positionId").asText());
        }

        // the latest change is on day DAYS + 7 (a holding's end), and the last day read is DAYS + 8
        HoldingsModel model = new HoldingsModel(UNITS, DAYS + 9);
        for (int step = 0; step < ops.size(); step++) {
            Op op = ops.get(step);
            String unit = api + "/units/" + units.get(op.unit());
            String holder = api + "/positions/" + positions.get(op.unit()) + "/holder";
            int target = (op.unit() + op.length()) % UNITS;
            Verdict expected = switch (op.kind()) {
                case CLOSE -> model.close(op.unit(), op.from());
                case REOPEN -> model.reopen(op.unit(), op.from());
                case HOLD -> model.hold(op.unit(), op.from(), op.length() == 0 ? null : op.from() + op.length());
                case VACATE -> model.vacate(op.unit(), op.from());
                case CLOSE_POSITION -> model.closePosition(op.unit(), op.from());
                case MOVE_POSITION -> model.move(op.unit(), target, op.from());
            };
            Statistics.collect(op.kind(), expected.accepts() ? "accepted" : expected.refusal());
            Http.Response response = switch (op.kind()) {
                case CLOSE -> commands.post(unit + "/close", editor, "{\"effectiveFrom\":\"" + day(op.from()) + "\"}");
                case REOPEN -> commands.post(unit + "/reopen", editor, "{\"effectiveFrom\":\"" + day(op.from()) + "\"}");
                case HOLD -> commands.put(holder, editor, "{\"personId\":\"p\",\"from\":\"" + day(op.from()) + "\""
                        + (op.length() == 0 ? "" : ",\"to\":\"" + day(op.from() + op.length()) + "\"") + "}");
                case VACATE -> commands.send("DELETE", holder + "?effectiveFrom=" + day(op.from()), editor, null,
                        Map.of());
                case CLOSE_POSITION -> commands.post(api + "/positions/" + positions.get(op.unit()) + "/close", editor,
                        "{\"effectiveFrom\":\"" + day(op.from()) + "\"}");
                case MOVE_POSITION -> commands.post(api + "/positions/" + positions.get(op.unit()) + "/move", editor,
                        "{\"unitId\":\"" + units.get(target) + "\",\"effectiveFrom\":\"" + day(op.from()) + "\"}");
            };
            expected.assertAnswered(response, 200,
                    "step %d, %s, after %s".formatted(step + 1, op, ops.subList(0, step)));
            if (expected.accepts()) {
                last = response;
            }
        }

        for (int i = 0; i < UNITS; i++) {
            for (int d = 0; d <= DAYS + 8; d++) {
                String asOf = "?asOf=" + day(d).plus(Duration.ofHours(12)) + "&minPosition=" + last.position();
                var position = queries.get(api + "/positions/" + positions.get(i) + asOf, editor).json();
                String unit = position.get("unitId").asText();
                String status = queries.get(api + "/units/" + unit + asOf, editor).json().get("status").asText();
                boolean vacant = position.get("vacant").asBoolean();
                boolean closed = position.has("closedFrom")
                        && !day(d).plus(Duration.ofHours(12)).isBefore(Instant.parse(position.get("closedFrom").asText()));
                assertThat((status.equals("CLOSED") || closed) && !vacant)
                        .as("P%d (in %s) on day %d after %s", i, unit, d, ops).isFalse();
                String closedFrom = position.path("closedFrom").asText(null);
                int modelUnit = model.in(i, d);
                Integer modelClosedFrom = model.closedFrom(i);
                assertThat(state(unit, status, !vacant, closedFrom == null ? null : Instant.parse(closedFrom)))
                        .as("P%d on day %d after %s", i, d, ops)
                        .isEqualTo(state(units.get(modelUnit), model.openOn(modelUnit, d) ? "ACTIVE" : "CLOSED",
                                model.heldOn(i, d), modelClosedFrom == null ? null : day(modelClosedFrom)));
            }
        }
    }

    /** A position on a day: its unit and the unit's status, whether it is held, and its close (null: none). */
    private static String state(String unit, String unitStatus, boolean held, Instant closedFrom) {
        return "in " + unit + " (" + unitStatus + "), " + (held ? "held" : "vacant") + ", closed from " + closedFrom;
    }

    private static Instant day(int day) {
        return BASE.plus(Duration.ofDays(day));
    }
}
