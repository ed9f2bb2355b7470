package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.UnitType;
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
import net.jqwik.api.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of create, move and close, some effective-dated in the future (in any order: a change recorded
 * later may take effect before one recorded earlier), some conditional on the unit's revision (the one last
 * answered, or one it is not at), through the real APIs. A change on a revision the unit is not at is always refused
 * ({@code 412}); any other change is accepted exactly when {@link TreeOracle} says the rules allow it, on the model of
 * the tree the accepted commands made (the aggregate's view of it), and else refused with the status and problem type
 * of the first rule it breaks (its Javadoc lists the rules it models, and why the others cannot be met here): so a
 * server that refused valid changes fails too. The read model never shows a cycle, an orphan or an active unit under
 * a closed parent at any date (checked at each accepted future change's instant too), and it agrees with the model,
 * unit by unit and in the root's subtree; every unit's revision in the read model is the one its last change answered.
 */
class StructureProperties extends RunningSystem {

    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));

    enum Kind { CREATE, MOVE, CLOSE }

    /** A move's or close's {@code If-Match}: none, the revision the unit is at, or one it is not at. */
    enum Condition { NONE, CURRENT, STALE }

    /** {@code futureDays}: 0 for now, else how many days ahead the change takes effect. */
    record Op(Kind kind, int unit, int target, int futureDays, Condition condition) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(4, Kind.CREATE), Tuple.of(4, Kind.MOVE),
                Tuple.of(1, Kind.CLOSE));
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1000);
        Arbitrary<Integer> future = Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(1, 1))
                .flatMap(now -> now == 0 ? Arbitraries.just(0) : Arbitraries.integers().between(31, 90));
        Arbitrary<Condition> conditions = Arbitraries.frequency(Tuple.of(2, Condition.NONE),
                Tuple.of(1, Condition.CURRENT), Tuple.of(1, Condition.STALE));
        return Combinators.combine(kinds, picks, picks, future, conditions).as(Op::new).list()
                .ofMinSize(5).ofMaxSize(25);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void acceptsExactlyTheChangesTheRulesAllowAndTheReadModelAgreesWithTheModel(@ForAll("operations") List<Op> ops) {
        String tenant = activeTenant(newSlug("prop"), "ENTERPRISE");
        String editor = TestTokens.forTenant(UUID.fromString(tenant), "prop", "ORG_EDITOR");
        String units = "/api/v1/tenants/" + tenant + "/units";
        TreeModel model = new TreeModel();
        TreeOracle oracle = new TreeOracle(model);
        List<String> ids = new ArrayList<>();
        Http.Response last = commands.post(units, editor, """
                {"type":"LEGAL_ENTITY","code":"ROOT","name":"root","country":"DE","currency":"EUR","effectiveFrom":"%s"}"""
                .formatted(BASE));
        ids.add(last.json().get("unitId").asText());
        model.create(ids.get(0), UnitType.LEGAL_ENTITY, null, BASE);
        Map<String, Long> revisions = new HashMap<>(Map.of(ids.get(0), last.json().get("revision").asLong()));

        int step = 0;
        Set<Instant> futureChanges = new HashSet<>();
        for (Op op : ops) {
            step++;
            Instant when = op.futureDays() > 0 ? BASE.plus(Duration.ofDays(op.futureDays())).plusSeconds(step)
                    : BASE.plusSeconds(step);
            String unit = ids.get(op.unit() % ids.size());
            String target = ids.get(op.target() % ids.size());
            Map<String, String> ifMatch = switch (op.condition()) {
                case NONE -> Map.of();
                case CURRENT -> Map.of("If-Match", "\"" + revisions.get(unit) + "\"");
                case STALE -> Map.of("If-Match", "\"" + (revisions.get(unit) + 1000) + "\"");
            };
            Verdict expected = switch (op.kind()) {
                case CREATE -> oracle.create(target, when);
                case MOVE -> oracle.move(unit, target, when);
                case CLOSE -> oracle.close(unit, when);
            };
            Http.Response response = switch (op.kind()) {
                case CREATE -> commands.post(units, editor, """
                        {"type":"DEPARTMENT","code":"U%d","name":"unit %d","parentId":"%s","effectiveFrom":"%s"}"""
                        .formatted(step, step, target, when));
                case MOVE -> commands.send("POST", units + "/" + unit + "/move", editor,
                        "{\"newParentId\":\"" + target + "\",\"effectiveFrom\":\"" + when + "\"}", ifMatch);
                case CLOSE -> commands.send("POST", units + "/" + unit + "/close", editor,
                        "{\"effectiveFrom\":\"" + when + "\"}", ifMatch);
            };
            if (op.kind() != Kind.CREATE && op.condition() == Condition.STALE) {
                assertThat(response.status()).as("%s on a revision %s is not at: %s", op, unit, response.body())
                        .isEqualTo(412);
                continue;
            }
            // which rules the tries reach, in the report
            Statistics.collect(op.kind(), expected.accepts() ? "accepted" : expected.refusal());
            expected.assertAnswered(response, op.kind() == Kind.CREATE ? 201 : 200,
                    "step %d, %s, after %s".formatted(step, op, ops.subList(0, step - 1)));
            if (expected.accepts()) {
                last = response;
                String changed = op.kind() == Kind.CREATE ? response.json().get("unitId").asText() : unit;
                long revision = response.json().get("revision").asLong();
                assertThat(revision).as("a revision never goes back")
                        .isGreaterThanOrEqualTo(revisions.getOrDefault(changed, 0L));
                revisions.put(changed, revision);
                switch (op.kind()) {
                    case CREATE -> {
                        ids.add(response.json().get("unitId").asText());
                        model.create(ids.get(ids.size() - 1), UnitType.DEPARTMENT, target, when);
                    }
                    case MOVE -> model.move(unit, target, when);
                    case CLOSE -> model.close(unit, when);
                }
                if (op.futureDays() > 0) {
                    futureChanges.add(when);
                }
            }
        }

        Set<Instant> instants = new HashSet<>(futureChanges);
        instants.addAll(List.of(BASE.plusSeconds(1), BASE.plusSeconds(step / 2 + 1), BASE.plusSeconds(step + 1),
                BASE.plus(Duration.ofDays(60)), BASE.plus(Duration.ofDays(100))));
        for (Instant asOf : instants) {
            for (String id : ids) {
                Http.Response read = queries.get(units + "/" + id + "?asOf=" + asOf + "&minPosition=" + last.position(),
                        editor);
                if (!model.existsAt(id, asOf)) {
                    assertThat(read.status()).as("unit %s does not exist at %s", id, asOf).isEqualTo(404);
                    continue;
                }
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                JsonNode view = read.json();
                assertThat(view.get("revision").asLong()).as("the revision of %s its last change answered", id)
                        .isEqualTo(revisions.get(id));
                List<String> path = new ArrayList<>();
                view.get("path").forEach(node -> path.add(node.asText()));
                assertThat(new HashSet<>(path)).as("no cycle in %s at %s", path, asOf).hasSize(path.size());
                assertThat(path.get(0)).as("every path starts at the root legal entity").isEqualTo(ids.get(0));
                assertThat(view.path("parentId").asText(null)).as("parent of %s at %s", id, asOf)
                        .isEqualTo(model.parentAt(id, asOf));
                assertThat(view.get("status").asText()).isEqualTo(model.statusAt(id, asOf));
                if (view.get("status").asText().equals("ACTIVE") && model.parentAt(id, asOf) != null) {
                    assertThat(model.statusAt(model.parentAt(id, asOf), asOf))
                            .as("the parent of active unit %s at %s", id, asOf).isEqualTo("ACTIVE");
                }
            }
            assertThat(subtree(units, ids.get(0), asOf, editor)).as("the root's subtree at %s", asOf)
                    .isEqualTo(model.unitsAt(ids, asOf));
        }
    }

    /** Each unit of the subtree with its parent and status, as "unit parent status". */
    private static Set<String> subtree(String units, String root, Instant asOf, String token) {
        Http.Response read = queries.get(units + "/" + root + "/subtree?size=1000&asOf=" + asOf, token);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        Set<String> found = new HashSet<>();
        read.json().get("items").forEach(unit -> found.add(unit.get("unitId").asText() + " "
                + unit.path("parentId").asText(null) + " " + unit.get("status").asText()));
        return found;
    }
}
