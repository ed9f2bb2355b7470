package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant builds its structure and reporting lines; the hierarchy reads answer as of any date. */
class StructureEndToEndTest extends RunningSystem {

    private String tenant;
    private String editor;

    @BeforeEach
    void anActiveTenant() {
        tenant = activeTenant(newSlug("str"), "ENTERPRISE");
        editor = TestTokens.forTenant(UUID.fromString(tenant), "ed", "ORG_EDITOR");
    }

    @Test
    void answersAncestorsSubtreePathAndSearchOfTheStructure() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String branch = unit("BRANCH", "MUC", le, ",\"timezone\":\"Europe/Berlin\"");
        String eng = unit("DEPARTMENT", "ENG", branch, "");
        Http.Response last = create("DEPARTMENT", "PLAT", eng, "");
        String plat = last.json().get("unitId").asText();

        assertThat(ids(read(units() + plat + "/ancestors", last, editor))).containsExactly(eng, branch, le);
        JsonNode unit = read(units() + plat, last, editor);
        assertThat(unit.get("depth").asInt()).isEqualTo(3);
        assertThat(unit.get("path")).extracting(JsonNode::asText).containsExactly(le, branch, eng, plat);
        JsonNode subtree = read(units() + branch + "/subtree", last, editor);
        assertThat(ids(subtree)).containsExactly(branch, eng, plat);
        assertThat(subtree.get("total").asInt()).isEqualTo(3);
        assertThat(ids(read(units() + branch + "/subtree?depth=1", last, editor))).containsExactly(branch, eng);
        assertThat(ids(read(units() + branch + "/children", last, editor))).containsExactly(eng);
        assertThat(read(search() + "?type=DEPARTMENT", last, editor).get("total").asInt()).isEqualTo(2);
        assertThat(ids(read(search() + "?q=pla", last, editor))).containsExactly(plat);
        assertThat(ids(read(search() + "?q=plat%20unit", last, editor))).isEmpty();
    }

    @Test
    void tellsAnEmptyAnswerFromAUnitThatDoesNotExistAtAsOf() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        Http.Response last = create("DEPARTMENT", "LEAF", le, "");
        String leaf = last.json().get("unitId").asText();

        assertThat(ids(read(units() + le + "/ancestors", last, editor))).as("the root has none").isEmpty();
        assertThat(ids(read(units() + leaf + "/children", last, editor))).as("a leaf has none").isEmpty();
        JsonNode pastTheEnd = read(units() + le + "/subtree?page=3&size=1", last, editor);
        assertThat(ids(pastTheEnd)).isEmpty();
        assertThat(pastTheEnd.get("total").asInt()).isEqualTo(2);
        for (String question : List.of("/ancestors", "/children", "/subtree")) {
            assertThat(queries.get(units() + leaf + question + "?asOf=2000-01-01", editor).status())
                    .as(question + " before the unit existed").isEqualTo(404);
            assertThat(queries.get(units() + UUID.randomUUID() + question, editor).status())
                    .as(question + " of an unknown unit").isEqualTo(404);
        }
    }

    @Test
    void showsAFutureMoveOnlyFromItsEffectiveDate() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String a = unit("DEPARTMENT", "A", le, "");
        String b = unit("DEPARTMENT", "B", le, "");
        String future = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        Http.Response moved = commands.post(units() + b + "/move", editor,
                "{\"newParentId\":\"" + a + "\",\"effectiveFrom\":\"" + future + "\"}");
        assertThat(moved.status()).isEqualTo(200);

        assertThat(read(units() + b, moved, editor).get("parentId").asText()).isEqualTo(le);
        assertThat(read(units() + b + "?asOf=" + LocalDate.now(ZoneOffset.UTC).plusDays(31), moved, editor)
                .get("parentId").asText()).isEqualTo(a);
        Http.Response cycle = commands.post(units() + a + "/move", editor, "{\"newParentId\":\"" + b + "\"}");
        assertThat(cycle.status()).as("a cycle at the scheduled date").isEqualTo(409);
        assertThat(cycle.json().get("type").asText()).endsWith("/cycle");
    }

    @Test
    void refusesAChangeMadeOnAnOldReadOfTheUnitInsteadOfOverwritingTheChangeItMissed() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String other = unit("DEPARTMENT", "OTHER", le, "");
        Http.Response created = create("DEPARTMENT", "OPS", le, "");
        String ops = created.json().get("unitId").asText();
        JsonNode read = read(units() + ops, created, editor);
        String etag = "\"" + read.get("revision").asLong() + "\"";
        assertThat(etag).as("the read shows the revision the create answered").isEqualTo(created.header("ETag"));

        // two editors read revision n; the first renames the unit, the second still sends what it read
        Http.Response first = commands.send("PATCH", units() + ops, editor, "{\"name\":\"Operations\"}",
                Map.of("If-Match", etag));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Http.Response second = commands.send("PATCH", units() + ops, editor, "{\"name\":\"Ops and logistics\"}",
                Map.of("If-Match", etag));
        assertThat(second.status()).as(second.body()).isEqualTo(412);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("type").asText()).endsWith("/precondition-failed");
        assertThat(second.json().get("currentRevision").asLong()).isEqualTo(first.json().get("revision").asLong());
        JsonNode after = read(units() + ops, first, editor);
        assertThat(after.get("name").asText()).as("the first change stands").isEqualTo("Operations");
        assertThat("\"" + after.get("revision").asLong() + "\"").isEqualTo(first.header("ETag"));

        Http.Response stale = commands.send("POST", units() + ops + "/move", editor,
                "{\"newParentId\":\"" + other + "\"}", Map.of("If-Match", etag));
        assertThat(stale.status()).as("a move on the old read").isEqualTo(412);
        Http.Response moved = commands.send("POST", units() + ops + "/move", editor,
                "{\"newParentId\":\"" + other + "\"}", Map.of("If-Match", first.header("ETag")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(read(units() + ops, moved, editor).get("parentId").asText()).isEqualTo(other);
        Http.Response malformed = commands.send("POST", units() + ops + "/close", editor, "{}", Map.of("If-Match", "7"));
        assertThat(malformed.status()).as("an entity tag is quoted").isEqualTo(400);
        assertThat(malformed.json().get("type").asText()).endsWith("/validation");
    }

    @Test
    void refusesTimesOutsideTheYears0001To9999OrAsNumbersSoThatNoProjectionIsGivenOneItCannotStore() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        for (String time : List.of("+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z")) {
            Http.Response far = create("DEPARTMENT", "FAR", le, ",\"effectiveFrom\":\"" + time + "\"");
            assertThat(far.status()).as(time + ": " + far.body()).isEqualTo(400);
            assertThat(far.json().get("errors").get(0).get("field").asText()).isEqualTo("effectiveFrom");
            assertThat(far.json().get("errors").get(0).get("message").asText()).contains("0001 to 9999");
            Http.Response asOf = queries.get(units() + le + "?asOf=" + time.replace("+", "%2B"), editor);
            assertThat(asOf.status()).as("asOf " + time + ": " + asOf.body()).isEqualTo(400);
        }
        for (String number : List.of("1764350000", "1764350000000", "1764350000.5")) {
            Http.Response epoch = create("DEPARTMENT", "EPOCH", le, ",\"effectiveFrom\":" + number);
            assertThat(epoch.status()).as("seconds or milliseconds? " + number + ": " + epoch.body()).isEqualTo(400);
            assertThat(epoch.json().get("errors").get(0).get("field").asText()).isEqualTo("effectiveFrom");
            assertThat(epoch.json().get("errors").get(0).get("message").asText()).contains("not a number");
        }
        Http.Response latest = create("DEPARTMENT", "LATE", le, ",\"effectiveFrom\":\"9999-12-31\"");
        assertThat(latest.status()).as(latest.body()).isEqualTo(201);
        assertThat(queries.get(units() + le + "?asOf=0001-01-01", editor).status()).as("before the unit existed")
                .isEqualTo(404);

        Http.Response after = create("DEPARTMENT", "NEXT", le, "");
        assertThat(read(units() + after.json().get("unitId").asText(), after, editor).get("code").asText())
                .as("the read model goes on").isEqualTo("NEXT");
    }

    @Test
    void refusesFieldsARequestDoesNotHaveOrHasTwiceSoThatAMisspeltDateIsNotTakenAsNow() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        Http.Response misspelt = create("DEPARTMENT", "LATER", le, ",\"efectiveFrom\":\"2099-01-01\"");
        assertThat(misspelt.status()).as(misspelt.body()).isEqualTo(400);
        assertThat(misspelt.json().get("errors").get(0).get("field").asText()).isEqualTo("efectiveFrom");
        Http.Response nested = create("BRANCH", "B", le, ",\"address\":{\"city\":\"Wien\",\"zip\":\"1010\"}");
        assertThat(nested.json().get("errors").get(0).get("field").asText()).as(nested.body()).isEqualTo("address.zip");
        Http.Response twice = create("DEPARTMENT", "TWICE", le, ",\"name\":\"again\"");
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        Http.Response code = commands.send("PATCH", units() + le, editor, "{\"code\":\"NEW\"}", Map.of());
        assertThat(code.status()).as("a code does not change: " + code.body()).isEqualTo(400);

        Http.Response later = create("DEPARTMENT", "LATER", le, ",\"effectiveFrom\":\"2099-01-01\"");
        assertThat(later.status()).as("nothing was recorded: the code is free").isEqualTo(201);
        assertThat(queries.get(units() + later.json().get("unitId").asText() + "?minPosition="
                + later.json().get("position").asText(), editor).status()).as("not there now").isEqualTo(404);
    }

    @Test
    void recordsNothingForAnEmptyChangeAndRefusesAValidityThatEndsBeforeTheCenterBegins() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        Http.Response center = create("COST_CENTER", "CC", le, ",\"effectiveFrom\":\"2030-01-01\",\"validTo\":\"2029-01-01\"");
        assertThat(center.status()).as(center.body()).isEqualTo(422);
        String cc = unit("COST_CENTER", "CC", le, ",\"effectiveFrom\":\"2030-01-01\",\"validTo\":\"2031-01-01\"");
        Http.Response shortened = commands.send("PATCH", units() + cc, editor, "{\"validTo\":\"2030-01-01\"}", Map.of());
        assertThat(shortened.status()).as(shortened.body()).isEqualTo(422);

        Http.Response before = commands.send("PATCH", units() + cc, editor, "{}", Map.of());
        Http.Response empty = commands.send("PATCH", units() + cc, editor, "{}", Map.of("If-Match", before.header("ETag")));
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.header("ETag")).as("an empty change records nothing").isEqualTo(before.header("ETag"));
    }

    @Test
    void closesAUnitOnlyWhenNoneOfItsPositionsIsHeldAndGivesNoHolderToAClosedUnitsPosition() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String dept = unit("DEPARTMENT", "OLD", le, "");
        String clerk = position(dept, "Clerk", false, "p-clerk");
        String holder = "/api/v1/tenants/" + tenant + "/positions/" + clerk + "/holder";

        Http.Response refused = commands.post(units() + dept + "/close", editor, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("heldPositionId").asText()).isEqualTo(clerk);
        Http.Response planned = commands.post(units() + dept + "/close", editor, "{\"effectiveFrom\":\"2099-01-01\"}");
        assertThat(planned.status()).as("held open-ended, so also then: " + planned.body()).isEqualTo(409);
        assertThat(commands.send("DELETE", holder + "?effectiveFrom=2099-01-01", editor, null, Map.of()).status())
                .as("the holding ends at the planned close").isEqualTo(200);
        assertThat(commands.post(units() + dept + "/close", editor, "{\"effectiveFrom\":\"2099-01-01\"}").status())
                .isEqualTo(200);

        Http.Response open = commands.put(holder, editor, "{\"personId\":\"p-next\",\"from\":\"2098-01-01\"}");
        assertThat(open.status()).as("an open-ended holding would outlast the close: " + open.body()).isEqualTo(409);
        assertThat(commands.send("DELETE", holder, editor, null, Map.of()).status()).isEqualTo(200);
        Http.Response closedNow = commands.post(units() + dept + "/close", editor, "{}");
        assertThat(closedNow.status()).as("vacated: " + closedNow.body()).isEqualTo(200);
    }

    @Test
    void refusesAHoldingThatWouldEndBeforeItsDefaultStart() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String clerk = position(le, "Clerk", false, null);
        Http.Response backwards = commands.put("/api/v1/tenants/" + tenant + "/positions/" + clerk + "/holder", editor,
                "{\"personId\":\"bob\",\"to\":\"2020-01-01\"}");
        assertThat(backwards.status()).as("from is now: " + backwards.body()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asText()).isEqualTo("to");
    }

    @Test
    void keepsEffectiveTimesToTheMicrosecondAsTheReadModelDoes() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String a = unit("DEPARTMENT", "A", le, "");
        String b = unit("DEPARTMENT", "B", le, "");
        String moved = unit("DEPARTMENT", "M", le, "");
        assertThat(commands.post(units() + moved + "/move", editor, "{\"newParentId\":\"" + b
                + "\",\"effectiveFrom\":\"2099-01-01T00:00:00.000000200Z\"}").status()).isEqualTo(200);
        Http.Response last = commands.post(units() + moved + "/move", editor, "{\"newParentId\":\"" + a
                + "\",\"effectiveFrom\":\"2099-01-01T00:00:00.000000100Z\"}");
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        // both are the same microsecond: the later command replaces the earlier change, in the tree as in the read model
        assertThat(read(units() + moved + "?asOf=2099-06-01", last, editor).get("parentId").asText()).isEqualTo(a);
        Http.Response closeA = commands.post(units() + a + "/close", editor, "{\"effectiveFrom\":\"2099-02-01\"}");
        assertThat(closeA.status()).as("the tree has M under A too: " + closeA.body()).isEqualTo(409);
    }

    @Test
    void walksTheManagementChainAndReportsAcrossUnits() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String dept = unit("DEPARTMENT", "FIN", le, "");
        String team = unit("DEPARTMENT", "AP", dept, "");
        String ceo = position(le, "CEO", true, "ceo");
        String head = position(dept, "Head of Finance", true, null);
        String lead = position(team, "AP Lead", true, "lead");
        String clerk = position(team, "AP Clerk", false, "clerk");
        Http.Response last = commands.put("/api/v1/tenants/" + tenant + "/positions/" + clerk + "/holder", editor,
                "{\"personId\":\"clerk\",\"from\":\"2020-01-01\"}");

        JsonNode chain = read("/api/v1/tenants/" + tenant + "/people/clerk/management-chain", last, editor).get("items");
        List<String> people = new ArrayList<>();
        chain.forEach(link -> people.add(link.get("vacant").asBoolean() ? "(vacant)" : link.get("personId").asText()));
        assertThat(people).containsExactly("lead", "(vacant)", "ceo");
        assertThat(chain.get(1).get("positionId").asText()).isEqualTo(head);

        JsonNode direct = read("/api/v1/tenants/" + tenant + "/positions/" + ceo + "/reports", last, editor);
        assertThat(ids(direct, "positionId")).containsExactly(head);
        Http.Response retitled = commands.send("PATCH", "/api/v1/tenants/" + tenant + "/positions/" + head, editor,
                "{\"title\":\"Chief Financial Officer\"}", Map.of());
        assertThat(retitled.status()).as(retitled.body()).isEqualTo(200);
        assertThat(ids(read("/api/v1/tenants/" + tenant + "/people/clerk/management-chain", retitled, editor), "title"))
                .containsExactly("AP Lead", "Chief Financial Officer", "CEO");
        Http.Response unit = commands.send("PATCH", "/api/v1/tenants/" + tenant + "/positions/" + head, editor,
                "{\"unitId\":\"" + le + "\"}", Map.of());
        assertThat(unit.status()).as("a position does not move: " + unit.body()).isEqualTo(400);
        JsonNode all = read("/api/v1/tenants/" + tenant + "/positions/" + ceo + "/reports?indirect=true", last, editor);
        assertThat(ids(all, "positionId")).containsExactlyInAnyOrder(head, lead, clerk);
    }

    @Test
    void changesReportingLinesFromADateAndNeverIntoACycle() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String dept = unit("DEPARTMENT", "FIN", le, "");
        String ceo = position(le, "CEO", true, "ceo");
        String head = position(dept, "Head of Finance", true, null);
        String clerk = position(dept, "Clerk", false, "clerk");
        String chain = "/api/v1/tenants/" + tenant + "/people/clerk/management-chain";

        Http.Response changed = lines(clerk, "{\"reportsToPositionId\":\"" + ceo + "\",\"dottedLineToPositionIds\":[\""
                + head + "\"],\"effectiveFrom\":\"2099-01-01\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(ids(read(chain, changed, editor), "title")).containsExactly("Head of Finance", "CEO");
        assertThat(ids(read(chain + "?asOf=2099-01-01", changed, editor), "title")).containsExactly("CEO");
        JsonNode later = read("/api/v1/tenants/" + tenant + "/positions/" + clerk + "?asOf=2099-01-01", changed, editor);
        assertThat(later.get("reportsToPositionId").asText()).isEqualTo(ceo);
        assertThat(later.get("dottedLineToPositionIds").get(0).asText()).isEqualTo(head);
        assertThat(ids(read("/api/v1/tenants/" + tenant + "/positions/" + head + "/reports?asOf=2099-01-01", changed,
                editor), "title")).isEmpty();

        Http.Response cycle = lines(ceo, "{\"reportsToPositionId\":\"" + clerk + "\",\"effectiveFrom\":\"2098-01-01\"}");
        assertThat(cycle.status()).as("the clerk reports to the CEO from 2099 on: " + cycle.body()).isEqualTo(409);
        assertThat(cycle.json().get("type").asText()).endsWith("/cycle");
        assertThat(lines(ceo, "{\"reportsToPositionId\":\"" + ceo + "\"}").status()).isEqualTo(409);
        Http.Response repeated = lines(clerk, "{\"reportsToPositionId\":\"" + ceo + "\",\"dottedLineToPositionIds\":[\""
                + ceo + "\"]}");
        assertThat(repeated.status()).as(repeated.body()).isEqualTo(400);
        assertThat(lines(clerk, "{\"reportsTo\":\"" + ceo + "\"}").status()).as("a misspelt field").isEqualTo(400);
        assertThat(lines(UUID.randomUUID().toString(), "{}").status()).isEqualTo(404);

        // another tenant can neither draw a line to this tenant's positions nor change them through its own path
        String other = activeTenant(newSlug("oth"), "ENTERPRISE");
        String otherEditor = TestTokens.forTenant(UUID.fromString(other), "ed", "ORG_EDITOR");
        Http.Response foreignLine = commands.put("/api/v1/tenants/" + other + "/positions/" + clerk + "/reporting-lines",
                otherEditor, "{\"reportsToPositionId\":\"" + ceo + "\"}");
        assertThat(foreignLine.status()).as(foreignLine.body()).isEqualTo(404);
        assertThat(commands.put("/api/v1/tenants/" + tenant + "/positions/" + clerk + "/reporting-lines", otherEditor,
                "{}").status()).as("another tenant's path does not exist for this token").isEqualTo(404);
        JsonNode unchanged = read("/api/v1/tenants/" + tenant + "/positions/" + clerk + "?asOf=2099-01-01", changed,
                editor);
        assertThat(unchanged.get("reportsToPositionId").asText()).isEqualTo(ceo);
    }

    @Test
    void replacesAUnitsManagerByClosingTheOldPositionFromADate() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String dept = unit("DEPARTMENT", "FIN", le, "");
        position(le, "CEO", true, "ceo");
        String oldHead = position(dept, "Old Head", true, "old");
        position(dept, "Clerk", false, "clerk");
        String newHead = position(dept, "New Head", true, "new");
        String api = "/api/v1/tenants/" + tenant + "/positions/" + oldHead;
        String chain = "/api/v1/tenants/" + tenant + "/people/clerk/management-chain";

        Http.Response held = commands.post(api + "/close", editor, "{\"effectiveFrom\":\"2099-01-01\"}");
        assertThat(held.status()).as("still held from then on: " + held.body()).isEqualTo(409);
        assertThat(commands.send("DELETE", api + "/holder?effectiveFrom=2099-01-01", editor, null, Map.of()).status())
                .isEqualTo(200);
        Http.Response closed = commands.post(api + "/close", editor, "{\"effectiveFrom\":\"2099-01-01\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        assertThat(ids(read(chain, closed, editor), "title")).containsExactly("Old Head", "CEO");
        assertThat(ids(read(chain + "?asOf=2099-01-01", closed, editor), "title")).containsExactly("New Head", "CEO");
        assertThat(read(api, closed, editor).get("closedFrom").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(commands.post(api + "/close", editor, "{}").status()).as("closed already").isEqualTo(409);
        assertThat(commands.put(api + "/holder", editor, "{\"personId\":\"old\",\"from\":\"2099-02-01\"}").status())
                .isEqualTo(409);
        assertThat(lines(newHead, "{\"reportsToPositionId\":\"" + oldHead + "\",\"effectiveFrom\":\"2099-01-01\"}")
                .status()).as("no line to a closed position").isEqualTo(409);
        assertThat(commands.post("/api/v1/tenants/" + tenant + "/positions/" + UUID.randomUUID() + "/close", editor, "{}")
                .status()).isEqualTo(404);
    }

    @Test
    void movesAPositionToAnotherUnitFromADate() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String fin = unit("DEPARTMENT", "FIN", le, "");
        String ops = unit("DEPARTMENT", "OPS", le, "");
        position(le, "CEO", true, "ceo");
        position(fin, "Head of Finance", true, null);
        position(ops, "Head of Operations", true, null);
        String clerk = position(fin, "Clerk", false, "clerk");
        String api = "/api/v1/tenants/" + tenant + "/positions/" + clerk;
        String chain = "/api/v1/tenants/" + tenant + "/people/clerk/management-chain";

        Http.Response moved = commands.post(api + "/move", editor, "{\"unitId\":\"" + ops
                + "\",\"effectiveFrom\":\"2099-01-01\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(ids(read(chain, moved, editor), "title")).containsExactly("Head of Finance", "CEO");
        assertThat(ids(read(chain + "?asOf=2099-01-01", moved, editor), "title")).containsExactly("Head of Operations", "CEO");
        assertThat(read(api + "?asOf=2099-01-01", moved, editor).get("unitId").asText()).isEqualTo(ops);
        assertThat(ids(read("/api/v1/tenants/" + tenant + "/units/" + ops + "/positions?asOf=2099-01-01", moved, editor),
                "title")).containsExactly("Head of Operations", "Clerk");

        Http.Response close = commands.post(units() + ops + "/close", editor, "{\"effectiveFrom\":\"2099-06-01\"}");
        assertThat(close.status()).as("the clerk is held there then: " + close.body()).isEqualTo(409);
        assertThat(commands.post(api + "/move", editor, "{\"unitId\":\"" + UUID.randomUUID() + "\"}").status())
                .isEqualTo(404);
        assertThat(commands.post(api + "/move", editor, "{}").status()).as("no unitId").isEqualTo(400);
        assertThat(commands.post(api + "/move", editor, "{\"unit\":\"" + ops + "\"}").status()).isEqualTo(400);

        // another tenant can neither move this tenant's position nor move its own into this tenant's unit
        String other = activeTenant(newSlug("oth"), "ENTERPRISE");
        String otherEditor = TestTokens.forTenant(UUID.fromString(other), "ed", "ORG_EDITOR");
        String otherApi = "/api/v1/tenants/" + other + "/positions/";
        assertThat(commands.post(otherApi + clerk + "/move", otherEditor, "{\"unitId\":\"" + fin + "\"}").status())
                .as("this tenant's position through the other's path").isEqualTo(404);
        assertThat(commands.post(api + "/move", otherEditor, "{\"unitId\":\"" + fin + "\"}").status())
                .as("this tenant's path with the other's token").isEqualTo(404);
        Http.Response otherRoot = commands.post("/api/v1/tenants/" + other + "/units", otherEditor,
                "{\"type\":\"LEGAL_ENTITY\",\"code\":\"O\",\"name\":\"O\",\"country\":\"DE\",\"currency\":\"EUR\"}");
        assertThat(otherRoot.status()).as(otherRoot.body()).isEqualTo(201);
        Http.Response own = commands.post("/api/v1/tenants/" + other + "/positions", otherEditor, "{\"unitId\":\""
                + otherRoot.json().get("unitId").asText() + "\",\"title\":\"T\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        Http.Response intoForeign = commands.post(otherApi + own.json().get("positionId").asText() + "/move", otherEditor,
                "{\"unitId\":\"" + ops + "\"}");
        assertThat(intoForeign.status()).as(intoForeign.body()).isEqualTo(404);
        assertThat(read(api + "?asOf=2099-01-01", moved, editor).get("unitId").asText()).isEqualTo(ops);
    }

    @Test
    void makesAPositionAManagerPositionFromADate() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String fin = unit("DEPARTMENT", "FIN", le, "");
        position(le, "CEO", true, "ceo");
        String head = position(fin, "Head of Finance", true, null);
        String analyst = position(fin, "Analyst", false, "analyst");
        position(fin, "Clerk", false, "clerk");
        String positions = "/api/v1/tenants/" + tenant + "/positions/";
        String chain = "/api/v1/tenants/" + tenant + "/people/clerk/management-chain";

        Http.Response promoted = commands.put(positions + analyst + "/manager-role", editor,
                "{\"manager\":true,\"effectiveFrom\":\"2099-01-01\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        Http.Response demoted = commands.put(positions + head + "/manager-role", editor,
                "{\"manager\":false,\"effectiveFrom\":\"2099-01-01\"}");
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
        assertThat(ids(read(chain, demoted, editor), "title")).containsExactly("Head of Finance", "CEO");
        assertThat(ids(read(chain + "?asOf=2099-01-01", demoted, editor), "title")).containsExactly("Analyst", "CEO");
        assertThat(read(positions + analyst, demoted, editor).get("manager").asBoolean()).isFalse();
        assertThat(read(positions + analyst + "?asOf=2099-01-01", demoted, editor).get("manager").asBoolean()).isTrue();
        assertThat(ids(read("/api/v1/tenants/" + tenant + "/units/" + fin + "/positions?asOf=2099-01-01", demoted,
                editor), "title")).as("managers first, then by time in their role")
                .containsExactly("Analyst", "Clerk", "Head of Finance");
        assertThat(commands.put(positions + analyst + "/manager-role", editor,
                "{\"manager\":true,\"effectiveFrom\":\"2099-06-01\"}").status()).as("already one then").isEqualTo(200);

        for (String bad : List.of("{}", "{\"manager\":null}", "{\"manager\":\"yes\"}", "{\"manager\":\"true\"}",
                "{\"manager\":1}", "{\"manager\":0}", "{\"manager\":true,\"x\":1}",
                "{\"manager\":true,\"effectiveFrom\":\"2099-02-30\"}", "[]", "not json", "{\"manager\":\"\"}",
                "{\"manager\":true,\"effectiveFrom\":\"\"}", "{\"manager\":true,\"effectiveFrom\":\"  \"}")) {
            Http.Response answer = commands.put(positions + analyst + "/manager-role", editor, bad);
            assertThat(answer.status()).as(bad + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(commands.put(positions + UUID.randomUUID() + "/manager-role", editor, "{\"manager\":true}").status())
                .isEqualTo(404);
        // an empty id is not "no explicit line" (Jackson read it as null)
        Http.Response emptyLine = lines(analyst, "{\"reportsToPositionId\":\"\"}");
        assertThat(emptyLine.status()).as(emptyLine.body()).isEqualTo(400);
        assertThat(emptyLine.json().get("type").asText()).endsWith("/validation");
        Http.Response closed = commands.post(positions + head + "/close", editor, "{\"effectiveFrom\":\"2099-03-01\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        Http.Response ofClosed = commands.put(positions + head + "/manager-role", editor,
                "{\"manager\":true,\"effectiveFrom\":\"2099-04-01\"}");
        assertThat(ofClosed.status()).as(ofClosed.body()).isEqualTo(409);
        assertThat(ofClosed.json().get("type").asText()).endsWith("/illegal-transition");

        // another tenant cannot change this tenant's position, through its own path or this tenant's
        String other = activeTenant(newSlug("oth"), "ENTERPRISE");
        String otherEditor = TestTokens.forTenant(UUID.fromString(other), "ed", "ORG_EDITOR");
        String demote = "{\"manager\":false,\"effectiveFrom\":\"2099-01-01\"}";
        assertThat(commands.put("/api/v1/tenants/" + other + "/positions/" + analyst + "/manager-role", otherEditor,
                demote).status()).as("through the other's path").isEqualTo(404);
        assertThat(commands.put(positions + analyst + "/manager-role", otherEditor, demote).status())
                .as("this tenant's path with the other's token").isEqualTo(404);
        assertThat(read(positions + analyst + "?asOf=2099-01-01", closed, editor).get("manager").asBoolean()).isTrue();
    }

    private Http.Response lines(String positionId, String body) {
        return commands.put("/api/v1/tenants/" + tenant + "/positions/" + positionId + "/reporting-lines", editor, body);
    }

    @Test
    void refusesAPositionWithTheSameDottedLineTwiceOrAlsoAsItsSolidLine() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String ceo = position(le, "CEO", true, null);
        Http.Response twice = commands.post("/api/v1/tenants/" + tenant + "/positions", editor, "{\"unitId\":\"" + le
                + "\",\"title\":\"Deputy\",\"manager\":false,\"dottedLineToPositionIds\":[\"" + ceo + "\",\"" + ceo + "\"]}");
        assertThat(twice.status()).as(twice.body()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asText()).isEqualTo("dottedLineToPositionIds");
        Http.Response solidAndDotted = commands.post("/api/v1/tenants/" + tenant + "/positions", editor, "{\"unitId\":\""
                + le + "\",\"title\":\"Deputy\",\"reportsToPositionId\":\"" + ceo + "\",\"dottedLineToPositionIds\":[\""
                + ceo + "\"]}");
        assertThat(solidAndDotted.status()).as(solidAndDotted.body()).isEqualTo(400);
        assertThat(solidAndDotted.json().get("errors").get(0).get("field").asText()).isEqualTo("dottedLineApart");
    }

    @Test
    void importsPositionsWithTheirHoldersAndExplicitLines() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String ops = unit("DEPARTMENT", "OPS", le, "");
        Http.Response vacantButDated = commands.post("/api/v1/tenants/" + tenant + "/positions/import", editor,
                "[{\"ref\":\"v\",\"unitId\":\"" + ops + "\",\"title\":\"Vacant\",\"holderFrom\":\"2020-01-01\"}]");
        assertThat(vacantButDated.status()).as(vacantButDated.body()).isEqualTo(400);
        assertThat(vacantButDated.json().get("errors").get(0).get("field").asText()).isEqualTo("[0].holderFrom");
        Http.Response imported = commands.post("/api/v1/tenants/" + tenant + "/positions/import", editor, """
                [{"ref":"boss","unitId":"%s","title":"Boss","manager":true,"personId":"p-boss","holderFrom":"2020-01-01"},
                 {"ref":"deputy","unitId":"%s","title":"Deputy","manager":false,"reportsToRef":"boss",
                  "personId":"p-deputy","holderFrom":"2020-01-01"},
                 {"ref":"analyst","unitId":"%s","title":"Analyst","manager":false,"personId":"p-analyst",
                  "holderFrom":"2020-01-01"}]""".formatted(le, ops, ops));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("positions")).extracting(p -> p.get("ref").asText())
                .containsExactly("boss", "deputy", "analyst");

        JsonNode chain = read("/api/v1/tenants/" + tenant + "/people/p-deputy/management-chain", imported, editor);
        assertThat(ids(chain, "personId")).containsExactly("p-boss");
        JsonNode analystChain = read("/api/v1/tenants/" + tenant + "/people/p-analyst/management-chain", imported, editor);
        assertThat(ids(analystChain, "personId")).containsExactly("p-boss");
        Http.Response bad = commands.post("/api/v1/tenants/" + tenant + "/positions/import", editor,
                "[{\"ref\":\"g\",\"unitId\":\"" + UUID.randomUUID() + "\",\"title\":\"Ghost\",\"manager\":false}]");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors")).hasSize(1);
        assertThat(bad.json().get("rows").asInt()).isEqualTo(1);
        assertThat(bad.json().get("detail").asText()).isEqualTo("1 problem(s) in 1 rows; nothing was imported");
    }

    @Test
    void startsTheChainOfSomeoneWithTwoEquallyOldPositionsFromTheLowerPositionId() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String east = unit("DEPARTMENT", "EAST", le, "");
        String west = unit("DEPARTMENT", "WEST", le, "");
        // one import, one holder date: both seats are held equally long and were created at the same instant
        Http.Response imported = commands.post("/api/v1/tenants/" + tenant + "/positions/import", editor, """
                [{"ref":"east-lead","unitId":"%s","title":"Lead","manager":true,"personId":"p-east","holderFrom":"2020-01-01"},
                 {"ref":"west-lead","unitId":"%s","title":"Lead","manager":true,"personId":"p-west","holderFrom":"2020-01-01"},
                 {"ref":"east-seat","unitId":"%s","title":"Analyst","manager":false,"personId":"p-dual","holderFrom":"2020-01-01"},
                 {"ref":"west-seat","unitId":"%s","title":"Analyst","manager":false,"personId":"p-dual","holderFrom":"2020-01-01"}]"""
                .formatted(east, west, east, west));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Map<String, String> ids = new HashMap<>();
        imported.json().get("positions").forEach(p -> ids.put(p.get("ref").asText(), p.get("positionId").asText()));

        // PostgreSQL orders uuids byte by byte, as their lower-case text sorts
        boolean eastFirst = ids.get("east-seat").compareTo(ids.get("west-seat")) < 0;
        JsonNode chain = read("/api/v1/tenants/" + tenant + "/people/p-dual/management-chain", imported, editor);
        assertThat(ids(chain, "personId")).containsExactly(eastFirst ? "p-east" : "p-west");
    }

    @Test
    void importsAllRowsOrNoneAndRefusesChangesOfASuspendedTenant() {
        unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        Http.Response bad = commands.post(units() + "import", editor, """
                [{"type":"DEPARTMENT","code":"OK-1","name":"fine","parentCode":"LE"},
                 {"type":"DEPARTMENT","code":"BAD-1","name":"orphan","parentCode":"NOPE"},
                 {"type":"BRANCH","code":"BAD-2","name":"wrong parent","parentCode":"OK-1"}]""");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("row").asInt()).containsExactly(1, 2);
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 1500; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"type\":\"DEPARTMENT\",\"code\":\"IMP-").append(i)
                    .append("\",\"name\":\"Imported ").append(i).append("\",\"parentCode\":\"")
                    .append(i == 0 ? "LE" : "IMP-" + (i - 1) / 2).append("\"}");
        }
        Http.Response imported = commands.post(units() + "import", editor, rows.append("]").toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(read(search() + "?q=imp-&size=1", imported, editor).get("total").asInt()).isEqualTo(1500);
        assertThat(read(search() + "?q=ok-", imported, editor).get("total").asInt()).isZero();

        commands.post("/api/v1/tenants/" + tenant + "/suspend", ADMIN, "{\"reason\":\"audit\"}");
        Http.Response refused = create("DEPARTMENT", "LATE", null, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("/tenant-suspended");
    }

    @Test
    void importsAStructurePlannedForALaterDateThatNoAsOfSeesBeforeIt() {
        String le = unit("LEGAL_ENTITY", "LE", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String rows = """
                [{"type":"DEPARTMENT","code":"NEW-OPS","name":"Operations","parentCode":"LE"},
                 {"type":"DEPARTMENT","code":"NEW-LOG","name":"Logistics","parentCode":"NEW-OPS"}]""";
        Http.Response dated = commands.post(units() + "import", editor, rows.replace("\"LE\"}", "\"LE\",\"effectiveFrom\":\"2099-01-01\"}"));
        assertThat(dated.status()).as("a row's own date is refused: " + dated.body()).isEqualTo(400);
        assertThat(dated.json().get("errors").get(0).get("field").asText()).isEqualTo("[0].effectiveFrom");

        Http.Response planned = commands.post(units() + "import?effectiveFrom=2099-01-01", editor, rows);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String logistics = planned.json().get("units").get(1).get("unitId").asText();
        assertThat(queries.get(units() + logistics + "?minPosition=" + planned.position(), editor).status())
                .as("not there now").isEqualTo(404);
        assertThat(read(search() + "?q=new-", planned, editor).get("total").asInt()).isZero();
        JsonNode then = read(units() + logistics + "?asOf=2099-01-01", planned, editor);
        assertThat(then.get("path")).extracting(JsonNode::asText).hasSize(3).startsWith(le);
        assertThat(read(search() + "?q=new-&asOf=2099-01-01", planned, editor).get("total").asInt()).isEqualTo(2);

        Http.Response under = commands.post(units() + "import", editor,
                "[{\"type\":\"DEPARTMENT\",\"code\":\"NOW\",\"name\":\"now\",\"parentCode\":\"NEW-OPS\"}]");
        assertThat(under.status()).as("a parent that does not exist yet: " + under.body()).isEqualTo(422);
    }

    private String search() {
        return "/api/v1/tenants/" + tenant + "/units";
    }

    private String units() {
        return "/api/v1/tenants/" + tenant + "/units/";
    }

    private String unit(String type, String code, String parent, String extra) {
        Http.Response created = create(type, code, parent, extra);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("unitId").asText();
    }

    private Http.Response create(String type, String code, String parent, String extra) {
        return commands.post("/api/v1/tenants/" + tenant + "/units", editor, "{\"type\":\"" + type + "\",\"code\":\""
                + code + "\",\"name\":\"" + code + " unit\"" + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"")
                + extra + "}");
    }

    private String position(String unit, String title, boolean manager, String holder) {
        Http.Response created = commands.post("/api/v1/tenants/" + tenant + "/positions", editor,
                "{\"unitId\":\"" + unit + "\",\"title\":\"" + title + "\",\"manager\":" + manager + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("positionId").asText();
        if (holder != null) {
            assertThat(commands.put("/api/v1/tenants/" + tenant + "/positions/" + id + "/holder", editor,
                    "{\"personId\":\"" + holder + "\",\"from\":\"2020-01-01\"}").status()).isEqualTo(200);
        }
        return id;
    }

    private static List<String> ids(JsonNode list) {
        return ids(list, "unitId");
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }
}
