package dev.orgservice.query.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
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
 * A unit's positions and a person's positions as of an instant: FIN (from 2020) has HEAD (manager, closed from
 * 2030), DEPUTY (manager), CLERK1 and CLERK2; ann holds CLERK1 from 2020 and DEPUTY from 2021, bob CLERK2 from 2020
 * until 2025.
 */
class PositionListsTest extends QuerySideIntegrationTest {

    private final Map<String, UUID> ids = new HashMap<>();
    private UUID tenantId;
    private String viewer;
    private long position;

    @BeforeEach
    void aDepartment() {
        tenantId = newTenant("pl").value();
        viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        ids.put("FIN", UUID.randomUUID());
        List<Object> events = new ArrayList<>(List.of(new UnitCreatedEvent(tenantId, ids.get("FIN"),
                UnitType.LEGAL_ENTITY, "FIN", "Finance", null, from, UnitDetails.NONE)));
        events.add(position("HEAD", true));
        events.add(position("DEPUTY", true));
        events.add(position("CLERK1", false));
        events.add(position("CLERK2", false));
        events.add(new PositionHolderAssignedEvent(tenantId, ids.get("CLERK1"), "ann", from, null));
        events.add(new PositionHolderAssignedEvent(tenantId, ids.get("DEPUTY"), "ann",
                Instant.parse("2021-01-01T00:00:00Z"), null));
        events.add(new PositionHolderAssignedEvent(tenantId, ids.get("CLERK2"), "bob", from,
                Instant.parse("2025-01-01T00:00:00Z")));
        events.add(new PositionClosedEvent(tenantId, ids.get("HEAD"), Instant.parse("2030-01-01T00:00:00Z")));
        position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);
    }

    @Test
    void listsAUnitsOpenPositionsManagersFirstWithTheirHolders() {
        JsonNode now = get(unitPositions(ids.get("FIN")) + "?asOf=2026-01-01");
        assertThat(titles(now)).containsExactly("HEAD", "DEPUTY", "CLERK1", "CLERK2");
        assertThat(now.get("total").asLong()).isEqualTo(4);
        assertThat(now.get("items").get(1).get("personId").asText()).isEqualTo("ann");
        assertThat(now.get("items").get(3).get("vacant").asBoolean()).as("bob left in 2025").isTrue();
        assertThat(titles(get(unitPositions(ids.get("FIN")) + "?asOf=2030-01-01")))
                .as("HEAD is closed").containsExactly("DEPUTY", "CLERK1", "CLERK2");
        JsonNode page = get(unitPositions(ids.get("FIN")) + "?asOf=2026-01-01&page=1&size=3");
        assertThat(titles(page)).containsExactly("CLERK2");
        assertThat(page.get("total").asLong()).isEqualTo(4);

        assertThat(status(unitPositions(ids.get("FIN")) + "?asOf=2019-12-31")).as("before FIN exists").isEqualTo(404);
        assertThat(status(unitPositions(UUID.randomUUID()))).isEqualTo(404);
        assertThat(status(unitPositions(ids.get("FIN")) + "?size=1001")).isEqualTo(400);
    }

    @Test
    void listsTheTenantsOpenPositionsByCreationAndOnRequestOnlyVacanciesOrManagers() {
        String all = "/api/v1/tenants/" + tenantId + "/positions";
        JsonNode now = get(all + "?asOf=2026-01-01");
        assertThat(titles(now)).containsExactly("HEAD", "DEPUTY", "CLERK1", "CLERK2");
        assertThat(now.get("total").asLong()).isEqualTo(4);
        assertThat(now.get("items").get(2).get("personId").asText()).isEqualTo("ann");
        assertThat(titles(get(all + "?asOf=2026-01-01&vacant=true"))).as("bob left in 2025")
                .containsExactly("HEAD", "CLERK2");
        assertThat(titles(get(all + "?asOf=2024-01-01&vacant=false"))).containsExactly("DEPUTY", "CLERK1", "CLERK2");
        assertThat(titles(get(all + "?asOf=2030-01-01&manager=true"))).as("HEAD is closed").containsExactly("DEPUTY");
        JsonNode page = get(all + "?asOf=2026-01-01&manager=false&page=1&size=1");
        assertThat(titles(page)).containsExactly("CLERK2");
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(status(all + "?size=1001")).isEqualTo(400);
        assertThat(status(all + "?vacant=perhaps")).isEqualTo(400);

        UUID other = newTenant("pl-other").value();
        String otherViewer = TestTokens.forTenant(other, "viewer", "ORG_VIEWER");
        assertThat(http.get(all, otherViewer).status()).as("another tenant's path").isEqualTo(404);
        JsonNode theirs = http.get("/api/v1/tenants/" + other + "/positions?minPosition=" + position, otherViewer).json();
        assertThat(theirs.get("total").asLong()).as("row-level security: none of this tenant's").isZero();
    }

    @Test
    void countsWhatEachFilterListsWhicheverJoinsTheCountLeavesOut() {
        String all = "/api/v1/tenants/" + tenantId + "/positions?size=1000";
        for (String asOf : List.of("2019-01-01", "2020-06-01", "2024-01-01", "2026-01-01", "2030-01-01")) {
            for (String filter : List.of("", "&vacant=true", "&vacant=false", "&manager=true", "&manager=false",
                    "&vacant=true&manager=true", "&vacant=false&manager=false", "&after=" + ids.get("DEPUTY"),
                    "&after=" + ids.get("HEAD") + "&vacant=false")) {
                // a full page counts (Pages.read): size 1 makes the first page full whenever the list is not empty
                JsonNode first = get(all.replace("1000", "1") + "&asOf=" + asOf + filter);
                int listed = get(all + "&asOf=" + asOf + filter).get("items").size();
                assertThat(first.get("total").asInt()).as(asOf + filter).isEqualTo(listed);
            }
        }
    }

    @Test
    void walksTheTenantsPositionsFromThePositionAfterWhichTheListContinues() {
        String all = "/api/v1/tenants/" + tenantId + "/positions?asOf=2026-01-01";
        JsonNode afterHead = get(all + "&after=" + ids.get("HEAD"));
        assertThat(titles(afterHead)).as("created in the same millisecond: by id").containsExactly("DEPUTY", "CLERK1",
                "CLERK2");
        assertThat(afterHead.get("total").asLong()).as("what follows the cursor").isEqualTo(3);
        assertThat(titles(get(all + "&after=" + ids.get("DEPUTY") + "&size=1"))).containsExactly("CLERK1");
        assertThat(titles(get(all + "&after=" + ids.get("DEPUTY") + "&size=1&page=1"))).containsExactly("CLERK2");
        assertThat(titles(get(all + "&after=" + ids.get("CLERK2")))).isEmpty();
        assertThat(titles(get(all + "&after=" + ids.get("HEAD") + "&vacant=true"))).containsExactly("CLERK2");
        assertThat(titles(get(all.replace("2026", "2030") + "&after=" + ids.get("HEAD"))))
                .as("a closed position is still a cursor").containsExactly("DEPUTY", "CLERK1", "CLERK2");

        List<String> walked = new ArrayList<>();
        for (String after = ""; ; ) {
            JsonNode page = get(all + "&size=1" + after);
            if (page.get("items").isEmpty()) {
                break;
            }
            walked.addAll(titles(page));
            after = "&after=" + page.get("items").get(0).get("positionId").asText();
        }
        assertThat(walked).containsExactly("HEAD", "DEPUTY", "CLERK1", "CLERK2");

        Http.Response unknown = http.get(all + "&after=" + UUID.randomUUID() + "&minPosition=" + position, viewer);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("after");
        UUID other = newTenant("pl-cursor").value();
        Http.Response foreign = http.get("/api/v1/tenants/" + other + "/positions?after=" + ids.get("HEAD")
                + "&minPosition=" + position, TestTokens.forTenant(other, "viewer", "ORG_VIEWER"));
        assertThat(foreign.status()).as("another tenant's position is no cursor").isEqualTo(400);
        assertThat(status(all + "&after=HEAD")).isEqualTo(400);
    }

    @Test
    void listsAPersonsPositionsTheOneTheirChainsStartFromFirst() {
        assertThat(titles(get(people("ann") + "?asOf=2026-01-01"))).containsExactly("CLERK1", "DEPUTY");
        assertThat(status(people("%24ann"))).as("not a person id anywhere: 400, not \"holds nothing\"").isEqualTo(400);
        assertThat(titles(get(people("ann") + "?asOf=2020-06-01"))).containsExactly("CLERK1");
        assertThat(titles(get(people("bob") + "?asOf=2024-12-31"))).containsExactly("CLERK2");
        assertThat(titles(get(people("bob") + "?asOf=2025-01-01"))).isEmpty();
        assertThat(titles(get(people("nobody")))).isEmpty();
    }

    @Test
    void anotherTenantSeesNeitherTheUnitsPositionsNorThePeoples() {
        UUID other = newTenant("plx").value();
        String otherViewer = TestTokens.forTenant(other, "viewer", "ORG_VIEWER");
        Http.Response unit = http.get("/api/v1/tenants/" + other + "/units/" + ids.get("FIN") + "/positions?minPosition="
                + position, otherViewer);
        assertThat(unit.status()).as(unit.body()).isEqualTo(404);
        Http.Response people = http.get("/api/v1/tenants/" + other + "/people/ann/positions?minPosition=" + position,
                otherViewer);
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.json().get("items")).isEmpty();
    }

    /** Ids in creation order: the events of one append may carry the same millisecond, and then the id decides. */
    private PositionCreatedEvent position(String title, boolean manager) {
        ids.put(title, new UUID(ids.size(), UUID.randomUUID().getLeastSignificantBits()));
        return new PositionCreatedEvent(tenantId, ids.get(title), ids.get("FIN"), title, manager, null, List.of());
    }

    private String unitPositions(UUID unitId) {
        return "/api/v1/tenants/" + tenantId + "/units/" + unitId + "/positions";
    }

    private String people(String personId) {
        return "/api/v1/tenants/" + tenantId + "/people/" + personId + "/positions";
    }

    private JsonNode get(String path) {
        Http.Response answer = http.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private int status(String path) {
        return http.get(path + (path.contains("?") ? "&" : "?") + "minPosition=" + position, viewer).status();
    }

    private static List<String> titles(JsonNode list) {
        List<String> titles = new ArrayList<>();
        list.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
