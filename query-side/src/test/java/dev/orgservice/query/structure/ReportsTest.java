package dev.orgservice.query.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direct and indirect reports, every rule of the walk in one small organization (names are positions):
 * <pre>
 * LE: CEO (manager), ASSIST                       X (in FIN) has an explicit line to CEO
 * ├── CYC: Y, Z (manager, explicit line to Y)     Y and Z report to each other
 * ├── FIN: HEADFIN (manager), X
 * │   └── AP (no manager): APCLERK
 * ├── OPS (no manager): OPSCLERK
 * │   └── OPSSUB: OPSHEAD (manager, explicit line to ASSIST)
 * └── LATER (from 2099): NEWBIE
 * </pre>
 * One test changes lines from 2030 on, another closes HEADFIN then, others move positions to other units or change
 * which positions are manager positions.
 */
class ReportsTest extends QuerySideIntegrationTest {

    private final Map<String, UUID> ids = new HashMap<>();
    private UUID tenantId;
    private String viewer;
    private long position;

    @BeforeEach
    void anOrganization() {
        tenantId = newTenant("r").value();
        viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        List<Object> events = new ArrayList<>();
        events.add(unit("LE", null, UnitType.LEGAL_ENTITY, from));
        events.add(unit("CYC", "LE", UnitType.DEPARTMENT, from));
        events.add(unit("FIN", "LE", UnitType.DEPARTMENT, from));
        events.add(unit("AP", "FIN", UnitType.DEPARTMENT, from));
        events.add(unit("OPS", "LE", UnitType.DEPARTMENT, from));
        events.add(unit("OPSSUB", "OPS", UnitType.DEPARTMENT, from));
        events.add(unit("LATER", "LE", UnitType.DEPARTMENT, Instant.parse("2099-01-01T00:00:00Z")));
        events.add(position("CEO", "LE", true, null));
        events.add(position("ASSIST", "LE", false, null));
        events.add(position("Y", "CYC", false, null));
        events.add(position("Z", "CYC", true, "Y"));
        events.add(position("HEADFIN", "FIN", true, null));
        events.add(position("X", "FIN", false, "CEO"));
        events.add(position("APCLERK", "AP", false, null));
        events.add(position("OPSCLERK", "OPS", false, null));
        events.add(position("OPSHEAD", "OPSSUB", true, "ASSIST"));
        events.add(position("NEWBIE", "LATER", false, null));
        events.add(new PositionHolderAssignedEvent(tenantId, ids.get("X"), "x", from, null));
        position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);
    }

    @Test
    void aUnitIsManagedByItsManagerPositionElseByTheNearestAncestorsOne() {
        assertThat(managerOf("FIN", "")).isEqualTo("HEADFIN");
        assertThat(managerOf("AP", "")).as("AP has none: FIN's").isEqualTo("HEADFIN");
        assertThat(managerOf("OPS", "")).isEqualTo("CEO");
        assertThat(managerOf("OPSSUB", "")).isEqualTo("OPSHEAD");
        assertThat(managerOf("LE", "")).isEqualTo("CEO");
        var view = http.get(unitPath("AP") + "/manager?minPosition=" + position, viewer).json();
        assertThat(view.get("unitId").asText()).as("whose manager it is").isEqualTo(ids.get("FIN").toString());
        assertThat(view.get("vacant").asBoolean()).isTrue();
        assertThat(http.get(unitPath("LATER") + "/manager?asOf=2020-06-01&minPosition=" + position, viewer).status())
                .as("a unit that does not exist yet").isEqualTo(404);
        assertThat(http.get("/api/v1/tenants/" + tenantId + "/units/" + UUID.randomUUID() + "/manager?minPosition="
                + position, viewer).status()).isEqualTo(404);
        String other = TestTokens.forTenant(newTenant("o").value(), "viewer", "ORG_VIEWER");
        assertThat(http.get(unitPath("FIN") + "/manager?minPosition=" + position, other).status())
                .as("another tenant's viewer").isEqualTo(404);
    }

    @Test
    void directReportsAreTheExplicitLinesThenTheUnitsPeopleThenTheManagersBelow() {
        assertThat(reports("CEO", false)).containsExactly("X", "ASSIST", "HEADFIN", "OPSCLERK");
        assertThat(reports("ASSIST", false)).containsExactly("OPSHEAD");
        assertThat(reports("HEADFIN", false)).as("through AP, which has no manager").containsExactly("APCLERK");
        assertThat(reports("X", false)).isEmpty();
    }

    @Test
    void indirectReportsGoOnBreadthFirst() {
        assertThat(reports("CEO", true)).containsExactly("X", "ASSIST", "HEADFIN", "OPSCLERK", "OPSHEAD", "APCLERK");
        assertThat(reports("Y", true)).as("a cycle of lines ends where it began").containsExactly("Z");
        assertThat(reports("Z", true)).containsExactly("Y");
    }

    @Test
    void pagesGoOnInTheWalksOrderAcrossLevelsAndCountEveryReport() {
        JsonNode first = page("CEO", "?indirect=true&size=4");
        assertThat(titles(first)).containsExactly("X", "ASSIST", "HEADFIN", "OPSCLERK");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(4);
        assertThat(first.get("total").asLong()).isEqualTo(6);
        JsonNode second = page("CEO", "?indirect=true&size=4&page=1");
        assertThat(titles(second)).as("the next level").containsExactly("OPSHEAD", "APCLERK");
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("total").asLong()).isEqualTo(6);
        assertThat(titles(page("CEO", "?indirect=true&size=5&page=1"))).containsExactly("APCLERK");
        JsonNode past = page("CEO", "?indirect=true&size=4&page=2");
        assertThat(titles(past)).as("past the end").isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(6);
        JsonNode unpaged = page("CEO", "?indirect=true");
        assertThat(unpaged.get("size").asInt()).as("the default size").isEqualTo(100);
        assertThat(unpaged.get("total").asLong()).isEqualTo(6);

        JsonNode direct = page("CEO", "?indirect=false&size=3&page=1");
        assertThat(titles(direct)).containsExactly("OPSCLERK");
        assertThat(direct.get("total").asLong()).isEqualTo(4);
        assertThat(page("CEO", "?indirect=true&size=4&page=1&asOf=2099-06-01").get("total").asLong())
                .as("NEWBIE's unit exists then").isEqualTo(7);
        assertThat(page("X", "?indirect=true&size=1").get("total").asLong()).isZero();
    }

    @Test
    void rejectsPagesOutsideTheLimits() {
        for (String query : List.of("?size=1001", "?size=0", "?page=-1", "?indirect=true&size=1001")) {
            assertThat(http.get(path("CEO") + query + "&minPosition=" + position, viewer).status()).as(query)
                    .isEqualTo(400);
        }
        assertThat(page("CEO", "?indirect=true&size=1000").get("total").asLong()).isEqualTo(6);
        assertThat(http.get("/api/v1/tenants/" + tenantId + "/positions/" + UUID.randomUUID() + "/reports?page=1&size=10",
                viewer).status()).as("an unknown position, whichever page").isEqualTo(404);
    }

    @Test
    void dottedLineReportsArePagedByCreationAndCountEveryOne() {
        List<Object> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.put("M" + i, UUID.randomUUID());
            events.add(new PositionCreatedEvent(tenantId, ids.get("M" + i), ids.get("FIN"), "M" + i, false, null,
                    List.of(ids.get("CEO"))));
        }
        events.add(new PositionHolderAssignedEvent(tenantId, ids.get("M2"), "m2", Instant.parse("2020-01-01T00:00:00Z"),
                null));
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, events);
        String dotted = positionPath("CEO") + "/dotted-line-reports?asOf=2026-01-01&minPosition=" + position;

        JsonNode whole = read(dotted);
        assertThat(whole.get("size").asInt()).as("the default size").isEqualTo(100);
        assertThat(whole.get("total").asLong()).isEqualTo(5);
        assertThat(titles(whole)).containsExactlyInAnyOrder("M1", "M2", "M3", "M4", "M5");
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = read(dotted + "&size=2&page=" + page);
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(2);
            assertThat(answer.get("total").asLong()).isEqualTo(5);
            assertThat(answer.get("items")).hasSize(page < 2 ? 2 : 1);
            paged.addAll(titles(answer));
            answer.get("items").forEach(item -> assertThat(item.path("personId").asText(null))
                    .as("the page's holders").isEqualTo(item.get("title").asText().equals("M2") ? "m2" : null));
        }
        assertThat(paged).as("the pages, one after the other, are the list").isEqualTo(titles(whole));
        JsonNode past = read(dotted + "&size=2&page=3");
        assertThat(past.get("items")).as("past the end").isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(5);

        for (String query : List.of("&size=1001", "&size=0", "&page=-1")) {
            assertThat(http.get(dotted + query, viewer).status()).as(query).isEqualTo(400);
        }
        assertThat(http.get("/api/v1/tenants/" + tenantId + "/positions/" + UUID.randomUUID()
                + "/dotted-line-reports?page=1&size=10", viewer).status()).as("an unknown position, whichever page")
                .isEqualTo(404);
    }

    private JsonNode read(String path) {
        Http.Response answer = http.get(path, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void answersAsOfAnInstantAndNamesTheHolders() {
        assertThat(get("CEO", "?asOf=2099-06-01")).contains("NEWBIE");
        Http.Response now = http.get(path("CEO") + "?minPosition=" + position, viewer);
        var x = now.json().get("items").get(0);
        assertThat(x.get("personId").asText()).isEqualTo("x");
        assertThat(x.get("vacant").asBoolean()).isFalse();
        assertThat(now.json().get("items").get(1).get("vacant").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/tenants/" + tenantId + "/positions/" + UUID.randomUUID() + "/reports", viewer)
                .status()).isEqualTo(404);
    }

    @Test
    void followsTheLinesInEffectAtAsOf() {
        // from 2030 X reports to HEADFIN with a dotted line to CEO, and OPSHEAD no longer to ASSIST (so to the
        // manager above its unit: OPS has none, LE has CEO)
        Instant reorganized = Instant.parse("2030-01-01T00:00:00Z");
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                new PositionReportingLinesChangedEvent(tenantId, ids.get("X"), ids.get("HEADFIN"),
                        List.of(ids.get("CEO")), reorganized),
                new PositionReportingLinesChangedEvent(tenantId, ids.get("OPSHEAD"), null, List.of(), reorganized)));
        assertThat(get("CEO", "?asOf=2029-12-31")).containsExactly("X", "ASSIST", "HEADFIN", "OPSCLERK");
        assertThat(get("CEO", "?asOf=2030-01-01")).containsExactly("ASSIST", "HEADFIN", "OPSCLERK", "OPSHEAD");
        assertThat(get("HEADFIN", "?asOf=2029-12-31")).containsExactly("APCLERK");
        assertThat(get("HEADFIN", "?asOf=2030-01-01")).containsExactly("X", "APCLERK");
        assertThat(get("ASSIST", "?asOf=2029-12-31")).containsExactly("OPSHEAD");
        assertThat(get("ASSIST", "?asOf=2030-01-01")).isEmpty();

        var before = http.get(positionPath("X") + "?asOf=2029-12-31&minPosition=" + position, viewer).json();
        assertThat(before.get("reportsToPositionId").asText()).isEqualTo(ids.get("CEO").toString());
        assertThat(before.get("dottedLineToPositionIds")).isEmpty();
        var after = http.get(positionPath("X") + "?asOf=2030-01-01&minPosition=" + position, viewer).json();
        assertThat(after.get("reportsToPositionId").asText()).isEqualTo(ids.get("HEADFIN").toString());
        assertThat(after.get("dottedLineToPositionIds").get(0).asText()).isEqualTo(ids.get("CEO").toString());

        assertThat(dotted("CEO", "2029-12-31")).isEmpty();
        assertThat(dotted("CEO", "2030-01-01")).containsExactly("X");
        assertThat(dotted("HEADFIN", "2030-01-01")).isEmpty();
        UUID other = newTenant("rx").value();
        assertThat(http.get("/api/v1/tenants/" + other + "/positions/" + ids.get("CEO") + "/dotted-line-reports",
                TestTokens.forTenant(other, "viewer", "ORG_VIEWER")).status())
                .as("another tenant, naming this tenant's position on its own path").isEqualTo(404);

        assertThat(chainOfX("2029-12-31")).containsExactly("CEO");
        assertThat(chainOfX("2030-01-01")).containsExactly("HEADFIN", "CEO");
    }

    @Test
    void aClosedPositionIsNobodysManagerOrReportFromItsClose() {
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                new PositionClosedEvent(tenantId, ids.get("HEADFIN"), Instant.parse("2030-01-01T00:00:00Z"))));
        assertThat(get("CEO", "?asOf=2029-12-31")).containsExactly("X", "ASSIST", "HEADFIN", "OPSCLERK");
        // FIN has no manager from then on: its people (none without a line) and AP's come up to CEO
        assertThat(get("CEO", "?asOf=2030-01-01")).containsExactly("X", "ASSIST", "OPSCLERK", "APCLERK");
        assertThat(get("HEADFIN", "?asOf=2029-12-31")).containsExactly("APCLERK");
        assertThat(get("HEADFIN", "?asOf=2030-01-01")).isEmpty();
        var closed = http.get(positionPath("HEADFIN") + "?asOf=2029-12-31&minPosition=" + position, viewer).json();
        assertThat(closed.get("closedFrom").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(http.get(positionPath("CEO") + "?minPosition=" + position, viewer).json().has("closedFrom")).isFalse();
    }

    @Test
    void followsAPositionIntoTheUnitItMovesTo() {
        // APCLERK (held by ap) moves from AP (no manager) to OPSSUB (OPSHEAD) in 2030; Z, CYC's manager, created
        // before HEADFIN, joins FIN in 2031 and does not become its manager: HEADFIN has been there longer
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                new PositionHolderAssignedEvent(tenantId, ids.get("APCLERK"), "ap", Instant.parse("2020-01-01T00:00:00Z"),
                        null),
                new PositionMovedEvent(tenantId, ids.get("APCLERK"), ids.get("AP"), ids.get("OPSSUB"),
                        Instant.parse("2030-01-01T00:00:00Z")),
                new PositionMovedEvent(tenantId, ids.get("Z"), ids.get("CYC"), ids.get("FIN"),
                        Instant.parse("2031-01-01T00:00:00Z"))));
        assertThat(get("HEADFIN", "?asOf=2029-12-31")).containsExactly("APCLERK");
        assertThat(get("HEADFIN", "?asOf=2030-01-01")).isEmpty();
        assertThat(get("OPSHEAD", "?asOf=2030-01-01")).containsExactly("APCLERK");
        assertThat(chainOf("ap", "2029-12-31")).containsExactly("HEADFIN", "CEO");
        assertThat(chainOf("ap", "2030-01-01")).containsExactly("OPSHEAD", "ASSIST", "CEO");
        var moved = http.get(positionPath("APCLERK") + "?asOf=2030-01-01&minPosition=" + position, viewer).json();
        assertThat(moved.get("unitId").asText()).isEqualTo(ids.get("OPSSUB").toString());
        assertThat(moved.get("createdAt").asText()).as("when it was recorded, whatever asOf").isNotBlank();
        var beforeItExisted = http.get(positionPath("APCLERK") + "?asOf=2001-01-01&minPosition=" + position, viewer).json();
        assertThat(beforeItExisted.get("createdAt").asText()).isEqualTo(moved.get("createdAt").asText());

        assertThat(titlesOfFin("2031-01-01")).containsExactly("HEADFIN", "Z", "X");
        assertThat(chainOf("x", "2031-01-01")).as("X's explicit line").containsExactly("CEO");
    }

    @Test
    void aPersonIsNotTheirOwnManagerWhenTheyAlsoHoldTheHeadsPosition() {
        // "fin" holds APCLERK (AP, managed by FIN's HEADFIN) and, from 2030, HEADFIN itself
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                new PositionHolderAssignedEvent(tenantId, ids.get("APCLERK"), "fin", at("2020"), null),
                new PositionHolderAssignedEvent(tenantId, ids.get("HEADFIN"), "fin", at("2030"), null)));
        assertThat(chainOf("fin", "2029-12-31")).containsExactly("HEADFIN", "CEO");
        assertThat(chainOf("fin", "2030-06-01")).as("HEADFIN is theirs: skipped").containsExactly("CEO");
    }

    @Test
    void movesAndChangesOfLinesRecordedInAnyOrderEachKeepTheirOwnDates() {
        // X (in FIN, explicit line to CEO): each change is recorded after some that take effect later
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                lines("X", "HEADFIN", "2032"),
                new PositionMovedEvent(tenantId, ids.get("X"), ids.get("FIN"), ids.get("AP"), at("2034")),
                new PositionMovedEvent(tenantId, ids.get("X"), ids.get("FIN"), ids.get("OPSSUB"), at("2030")),
                lines("X", null, "2031"),
                lines("X", "ASSIST", "2030")));
        record Seen(String unit, String reportsTo, List<String> chain) {
        }
        Map<String, Seen> expected = Map.of(
                "2029-12-31", new Seen("FIN", "CEO", List.of("CEO")),
                "2030-01-01", new Seen("OPSSUB", "ASSIST", List.of("ASSIST", "CEO")),
                "2031-01-01", new Seen("OPSSUB", null, List.of("OPSHEAD", "ASSIST", "CEO")),
                "2032-01-01", new Seen("OPSSUB", "HEADFIN", List.of("HEADFIN", "CEO")),
                "2034-01-01", new Seen("AP", "HEADFIN", List.of("HEADFIN", "CEO")));
        expected.forEach((asOf, seen) -> {
            var x = http.get(positionPath("X") + "?asOf=" + asOf + "&minPosition=" + position, viewer).json();
            assertThat(x.get("unitId").asText()).as("unit " + asOf).isEqualTo(ids.get(seen.unit()).toString());
            assertThat(x.has("reportsToPositionId") ? x.get("reportsToPositionId").asText() : null).as("line " + asOf)
                    .isEqualTo(seen.reportsTo() == null ? null : ids.get(seen.reportsTo()).toString());
            assertThat(chainOfX(asOf)).as("chain " + asOf).isEqualTo(seen.chain());
        });
        assertThat(get("OPSHEAD", "?asOf=2031-01-01")).containsExactly("X");
        assertThat(get("OPSHEAD", "?asOf=2032-01-01")).isEmpty();
    }

    @Test
    void aPositionMadeAManagerPositionManagesItsUnitOnlyWhereNoManagerHasBeenOneLonger() {
        // DEPUTY joins FIN; made a manager position from 2030 it does not take over from HEADFIN, which stops being
        // one in 2032; HEADFIN, created before DEPUTY, is one again from 2033 and does not take over from DEPUTY
        // until DEPUTY stops being one in 2034. Recorded out of date order: the change for 2030 comes after later ones.
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                position("DEPUTY", "FIN", false, null),
                new PositionHolderAssignedEvent(tenantId, ids.get("APCLERK"), "ap", at("2020"), null),
                role("DEPUTY", true, "2033"),
                role("DEPUTY", false, "2034"),
                role("HEADFIN", false, "2032"),
                role("DEPUTY", true, "2030"),
                role("HEADFIN", true, "2033"),
                role("HEADFIN", false, "2040"),
                role("CEO", false, "2040")));
        assertThat(chainOf("ap", "2029-12-31")).containsExactly("HEADFIN", "CEO");
        assertThat(chainOf("ap", "2030-01-01")).as("HEADFIN has been one there longer")
                .containsExactly("HEADFIN", "CEO");
        assertThat(chainOf("ap", "2032-01-01")).containsExactly("DEPUTY", "CEO");
        assertThat(chainOf("ap", "2033-01-01")).as("DEPUTY has been one there longer").containsExactly("DEPUTY", "CEO");
        assertThat(chainOf("ap", "2034-01-01")).as("the later change keeps its own date")
                .containsExactly("HEADFIN", "CEO");
        assertThat(get("DEPUTY", "?asOf=2031-01-01")).isEmpty();
        assertThat(get("DEPUTY", "?asOf=2032-01-01")).containsExactly("HEADFIN", "APCLERK");
        assertThat(get("HEADFIN", "?asOf=2032-01-01")).isEmpty();
        assertThat(get("DEPUTY", "?asOf=2033-01-01")).containsExactly("HEADFIN", "APCLERK");
        assertThat(get("HEADFIN", "?asOf=2033-01-01")).isEmpty();

        Map<String, Boolean> deputyIsManager = Map.of("2029-12-31", false, "2030-01-01", true, "2033-06-01", true,
                "2034-01-01", false);
        deputyIsManager.forEach((asOf, manager) -> assertThat(http.get(positionPath("DEPUTY") + "?asOf=" + asOf
                + "&minPosition=" + position, viewer).json().get("manager").asBoolean()).as(asOf).isEqualTo(manager));
        assertThat(titlesOfFin("2030-01-01")).containsExactly("HEADFIN", "DEPUTY", "X");
        assertThat(titlesOfFin("2032-01-01")).as("managers first").containsExactly("DEPUTY", "X", "HEADFIN");
        assertThat(titlesOfFin("2033-01-01")).containsExactly("DEPUTY", "HEADFIN", "X");
        assertThat(managerOf("AP", "2033-01-01")).isEqualTo("DEPUTY");
        assertThat(managerOf("AP", "2034-01-01")).isEqualTo("HEADFIN");
        assertThat(managerOf("AP", "2040-01-01")).as("no manager position at or above AP").isNull();
    }

    @Test
    void aPositionMadeAManagerForADateBeforeItWasCreatedCountsFromItsCreation() {
        // NEWCOMER, created in FIN after HEADFIN, is made a manager position from 2020: it has not been one longer
        // than HEADFIN, which was one when NEWCOMER was created, so HEADFIN stays FIN's manager at every date
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                position("NEWCOMER", "FIN", false, null),
                role("NEWCOMER", true, "2020")));
        for (String asOf : List.of("2021-01-01", "2027-01-01", "")) {
            assertThat(managerOf("AP", asOf)).as(asOf).isEqualTo("HEADFIN");
        }
        assertThat(http.get(positionPath("NEWCOMER") + "?asOf=2021-01-01&minPosition=" + position, viewer).json()
                .get("manager").asBoolean()).isTrue();
    }

    @Test
    void aManagerCountsFromTheStartOfItsStayInTheUnitWhateverTheOrderItsMovesWereRecordedIn() {
        // HEADFIN is a manager position again from mid-2030; Z, CYC's manager (explicit line to Y), moves to FIN from
        // 2031, then a move from 2030 is recorded: Z has been in FIN since 2030, longer than HEADFIN has been a manager
        Instant midYear = Instant.parse("2030-06-01T00:00:00Z");
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                new PositionHolderAssignedEvent(tenantId, ids.get("APCLERK"), "ap", at("2020"), null),
                role("HEADFIN", false, "2029"),
                new PositionManagerRoleChangedEvent(tenantId, ids.get("HEADFIN"), true, midYear),
                new PositionMovedEvent(tenantId, ids.get("Z"), ids.get("CYC"), ids.get("FIN"), at("2031")),
                new PositionMovedEvent(tenantId, ids.get("Z"), ids.get("CYC"), ids.get("FIN"), at("2030"))));
        assertThat(chainOf("ap", "2029-06-01")).containsExactly("CEO");
        assertThat(chainOf("ap", "2031-01-01")).containsExactly("Z", "Y", "CEO");
        assertThat(titlesOfFin("2031-01-01")).containsExactly("Z", "HEADFIN", "X");
    }

    @Test
    void aManagerMovedInCountsFromItsMoveAgainstOneMadeAManagerEarlier() {
        // HEADFIN is a manager position again from 2030; OPSHEAD, a manager position since its creation, joins FIN
        // in 2031: HEADFIN has been one there longer
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                new PositionHolderAssignedEvent(tenantId, ids.get("APCLERK"), "ap", at("2020"), null),
                role("HEADFIN", false, "2029"),
                role("HEADFIN", true, "2030"),
                new PositionMovedEvent(tenantId, ids.get("OPSHEAD"), ids.get("OPSSUB"), ids.get("FIN"), at("2031"))));
        assertThat(chainOf("ap", "2031-01-01")).containsExactly("HEADFIN", "CEO");
        assertThat(titlesOfFin("2031-01-01")).containsExactly("HEADFIN", "OPSHEAD", "X");
    }

    @Test
    void aManagerPositionCreatedLaterDoesNotTakeOverFromAHeadMadeOneBefore() {
        // X has managed FIN since 2021 (HEADFIN stopped being a manager position then); NEWHEAD, created as a manager
        // position now, has been one since its creation: X stays FIN's manager, today and in the answers about 2022
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                new PositionHolderAssignedEvent(tenantId, ids.get("APCLERK"), "ap", at("2020"), null),
                role("HEADFIN", false, "2021"),
                role("X", true, "2021")));
        assertThat(managerOf("FIN", "")).isEqualTo("X");
        position = append("OrganizationTree", "org-tree-" + tenantId, 21, List.of(position("NEWHEAD", "FIN", true, null)));
        assertThat(managerOf("FIN", "")).as("X has been FIN's manager longer").isEqualTo("X");
        assertThat(managerOf("FIN", "2022-01-01")).as("the past does not change").isEqualTo("X");
        assertThat(chainOf("ap", "2027-01-01")).containsExactly("X", "CEO");
        assertThat(titlesOfFin("2027-01-01")).containsExactly("X", "NEWHEAD", "HEADFIN");
        assertThat(reports("NEWHEAD", false)).isEmpty();
    }

    @Test
    void aHoldingRenewedWithoutABreakCountsFromItsStart() {
        // x has held X (FIN, explicit line to CEO) since 2020 and APCLERK (AP, below FIN) since 2022; X's holding is
        // renewed from 2024 (an end date set, then the same person assigned again from it): x has still held X longest
        position = append("OrganizationTree", "org-tree-" + tenantId, 18, List.of(
                new PositionHolderAssignedEvent(tenantId, ids.get("APCLERK"), "x", at("2022"), null),
                new PositionHolderAssignedEvent(tenantId, ids.get("X"), "x", at("2020"), at("2024")),
                new PositionHolderAssignedEvent(tenantId, ids.get("X"), "x", at("2024"), null)));
        assertThat(chainOfX("2025-01-01")).as("from X, held since 2020").containsExactly("CEO");
        List<String> held = new ArrayList<>();
        http.get("/api/v1/tenants/" + tenantId + "/people/x/positions?asOf=2025-01-01&minPosition=" + position, viewer)
                .json().get("items").forEach(item -> held.add(item.get("title").asText()));
        assertThat(held).containsExactly("X", "APCLERK");
        // a holding of someone else in between is a break: x's second holding of X counts from 2026
        position = append("OrganizationTree", "org-tree-" + tenantId, 21, List.of(
                new PositionHolderAssignedEvent(tenantId, ids.get("X"), "y", at("2025"), at("2026")),
                new PositionHolderAssignedEvent(tenantId, ids.get("X"), "x", at("2026"), null)));
        assertThat(chainOfX("2027-01-01")).as("from APCLERK, held since 2022").containsExactly("HEADFIN", "CEO");
    }

    private List<String> titlesOfFin(String asOf) {
        List<String> titles = new ArrayList<>();
        http.get("/api/v1/tenants/" + tenantId + "/units/" + ids.get("FIN") + "/positions?asOf=" + asOf + "&minPosition="
                + position, viewer).json().get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private PositionManagerRoleChangedEvent role(String title, boolean manager, String year) {
        return new PositionManagerRoleChangedEvent(tenantId, ids.get(title), manager, at(year));
    }

    private PositionReportingLinesChangedEvent lines(String title, String reportsTo, String year) {
        return new PositionReportingLinesChangedEvent(tenantId, ids.get(title), reportsTo == null ? null : ids.get(reportsTo),
                List.of(), at(year));
    }

    private static Instant at(String year) {
        return Instant.parse(year + "-01-01T00:00:00Z");
    }

    private List<String> dotted(String title, String asOf) {
        Http.Response answer = http.get(positionPath(title) + "/dotted-line-reports?asOf=" + asOf + "&minPosition="
                + position, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        answer.json().get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private List<String> chainOfX(String asOf) {
        return chainOf("x", asOf);
    }

    private List<String> chainOf(String person, String asOf) {
        Http.Response answer = http.get("/api/v1/tenants/" + tenantId + "/people/" + person + "/management-chain?asOf=" + asOf
                + "&minPosition=" + position, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        answer.json().get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    /** The title of the position that manages the unit at {@code asOf} ("": now); null when none does (404). */
    private String managerOf(String unit, String asOf) {
        Http.Response answer = http.get(unitPath(unit) + "/manager?minPosition=" + position
                + (asOf.isEmpty() ? "" : "&asOf=" + asOf), viewer);
        if (answer.status() == 404) {
            return null;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("title").asText();
    }

    private String unitPath(String code) {
        return "/api/v1/tenants/" + tenantId + "/units/" + ids.get(code);
    }

    private String positionPath(String title) {
        return "/api/v1/tenants/" + tenantId + "/positions/" + ids.get(title);
    }

    private List<String> reports(String manager, boolean indirect) {
        return get(manager, "?indirect=" + indirect);
    }

    private List<String> get(String manager, String query) {
        return titles(page(manager, query));
    }

    private JsonNode page(String manager, String query) {
        Http.Response answer = http.get(path(manager) + query + "&minPosition=" + position, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private String path(String manager) {
        return positionPath(manager) + "/reports";
    }

    private UnitCreatedEvent unit(String code, String parent, UnitType type, Instant from) {
        ids.put(code, UUID.randomUUID());
        return new UnitCreatedEvent(tenantId, ids.get(code), type, code, code, parent == null ? null : ids.get(parent),
                from, UnitDetails.NONE);
    }

    private PositionCreatedEvent position(String title, String unit, boolean manager, String reportsTo) {
        ids.put(title, UUID.randomUUID());
        return new PositionCreatedEvent(tenantId, ids.get(title), ids.get(unit), title, manager,
                reportsTo == null ? null : ids.get(reportsTo), List.of());
    }
}
