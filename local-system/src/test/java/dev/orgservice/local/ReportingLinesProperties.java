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
 * Random effective-dated changes of four positions' solid lines over three weeks, through the real APIs, against a
 * day-by-day model: a change holds from its day until the position's next change. The server accepts a change
 * exactly when the model has no cycle of explicit lines on any day after it, and the read model then shows, for
 * every position and day, the line the model has.
 */
class ReportingLinesProperties extends RunningSystem {

    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    private static final int DAYS = 21;
    private static final int POSITIONS = 4;

    /** Position {@code position} reports to {@code to} (-1: no explicit line) from day {@code from}. */
    record Op(int position, int to, int from) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        return Combinators.combine(Arbitraries.integers().between(0, POSITIONS - 1),
                Arbitraries.integers().between(-1, POSITIONS - 1), Arbitraries.integers().between(1, DAYS - 1))
                .as(Op::new).list().ofMinSize(4).ofMaxSize(14);
    }

    @Property(tries = 12, shrinking = ShrinkingMode.OFF)
    void acceptsExactlyTheChangesThatLeaveNoCycleAndShowsEachDaysLines(@ForAll("operations") List<Op> ops) {
        String tenant = activeTenant(newSlug("lines"), "ENTERPRISE");
        String editor = TestTokens.forTenant(UUID.fromString(tenant), "prop", "ORG_EDITOR");
        String api = "/api/v1/tenants/" + tenant;
        Http.Response last = commands.post(api + "/units", editor, """
                {"type":"LEGAL_ENTITY","code":"ROOT","name":"root","country":"DE","currency":"EUR"}""");
        String root = last.json().get("unitId").asText();
        List<String> positions = new ArrayList<>();
        List<TreeMap<Integer, Integer>> model = new ArrayList<>();
        for (int i = 0; i < POSITIONS; i++) {
            last = commands.post(api + "/positions", editor, "{\"unitId\":\"" + root + "\",\"title\":\"P" + i + "\"}");
            positions.add(last.json().get("positionId").asText());
            model.add(new TreeMap<>(Map.of(Integer.MIN_VALUE, -1)));
        }

        for (Op op : ops) {
            List<TreeMap<Integer, Integer>> after = new ArrayList<>();
            model.forEach(lines -> after.add(new TreeMap<>(lines)));
            if (lineAt(after, op.position(), op.from()) != op.to()) {
                after.get(op.position()).put(op.from(), op.to());
            }
            boolean cycle = hasCycle(after);
            Http.Response response = commands.put(api + "/positions/" + positions.get(op.position()) + "/reporting-lines",
                    editor, "{\"reportsToPositionId\":" + (op.to() < 0 ? "null" : "\"" + positions.get(op.to()) + "\"")
                            + ",\"effectiveFrom\":\"" + day(op.from()) + "\"}");
            assertThat(response.status()).as("%s after %s: %s", op, ops, response.body()).isEqualTo(cycle ? 409 : 200);
            if (!cycle) {
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
                int expected = lineAt(model, i, d);
                assertThat(line == null || line.isNull() ? null : line.asText())
                        .as("P%d on day %d after %s", i, d, ops)
                        .isEqualTo(expected < 0 ? null : positions.get(expected));
            }
        }
    }

    private static int lineAt(List<TreeMap<Integer, Integer>> model, int position, int day) {
        return model.get(position).floorEntry(day).getValue();
    }

    private static boolean hasCycle(List<TreeMap<Integer, Integer>> model) {
        for (int d = 0; d <= DAYS; d++) {
            for (int start = 0; start < POSITIONS; start++) {
                Set<Integer> seen = new HashSet<>();
                for (int p = start; p >= 0; p = lineAt(model, p, d)) {
                    if (!seen.add(p)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Instant day(int day) {
        return BASE.plus(Duration.ofDays(day));
    }
}
