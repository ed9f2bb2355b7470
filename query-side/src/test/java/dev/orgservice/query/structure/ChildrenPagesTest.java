package dev.orgservice.query.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.UnitClosedEvent;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's children, paged (a legal entity may have thousands): LE has D1 ... D5, created out of code order, D3
 * closed, and LATER from 2099; D1 has none.
 */
class ChildrenPagesTest extends QuerySideIntegrationTest {

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");

    private UUID tenantId;
    private String viewer;
    private long position;
    private final UUID legalEntity = UUID.randomUUID();
    private final UUID d1 = UUID.randomUUID();

    @BeforeEach
    void aLegalEntityWithChildren() {
        tenantId = newTenant("ch").value();
        viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID d3 = UUID.randomUUID();
        List<Object> events = new ArrayList<>(List.of(new UnitCreatedEvent(tenantId, legalEntity,
                UnitType.LEGAL_ENTITY, "LE", "Legal entity", null, FROM, UnitDetails.NONE)));
        events.add(department("D4", UUID.randomUUID(), FROM));
        events.add(department("D1", d1, FROM));
        events.add(department("D5", UUID.randomUUID(), FROM));
        events.add(department("D3", d3, FROM));
        events.add(department("D2", UUID.randomUUID(), FROM));
        events.add(department("LATER", UUID.randomUUID(), Instant.parse("2099-01-01T00:00:00Z")));
        events.add(new UnitClosedEvent(tenantId, d3, Instant.parse("2021-01-01T00:00:00Z")));
        position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);
    }

    @Test
    void pagesGoOnInCodeOrderAndCountEveryChild() {
        JsonNode first = children(legalEntity, "?size=2");
        assertThat(codes(first)).containsExactly("D1", "D2");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(5);
        JsonNode second = children(legalEntity, "?size=2&page=1");
        assertThat(codes(second)).as("closed children too").containsExactly("D3", "D4");
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("total").asLong()).isEqualTo(5);
        JsonNode last = children(legalEntity, "?size=2&page=2");
        assertThat(codes(last)).containsExactly("D5");
        assertThat(last.get("total").asLong()).isEqualTo(5);
        JsonNode past = children(legalEntity, "?size=2&page=3");
        assertThat(codes(past)).as("past the end").isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(5);

        JsonNode whole = children(legalEntity, "");
        assertThat(whole.get("size").asInt()).as("the default size").isEqualTo(100);
        List<String> paged = new ArrayList<>();
        for (JsonNode page : List.of(first, second, last)) {
            paged.addAll(codes(page));
        }
        assertThat(codes(whole)).as("the pages, one after the other, are the list").isEqualTo(paged);
        assertThat(children(legalEntity, "?asOf=2099-06-01&size=1&page=5").get("items").get(0).get("code").asText())
                .isEqualTo("LATER");
        assertThat(children(legalEntity, "?asOf=2099-06-01&size=1").get("total").asLong()).isEqualTo(6);
    }

    @Test
    void aUnitWithoutChildrenHasAnEmptyListAndAMissingUnitNone() {
        JsonNode none = children(d1, "?page=1&size=10");
        assertThat(none.get("items")).isEmpty();
        assertThat(none.get("total").asLong()).isZero();
        assertThat(status(legalEntity, "?asOf=2019-12-31")).as("before LE exists").isEqualTo(404);
        assertThat(status(UUID.randomUUID(), "?page=2")).as("an unknown unit, whichever page").isEqualTo(404);
        UUID other = newTenant("chx").value();
        Http.Response elsewhere = http.get("/api/v1/tenants/" + other + "/units/" + legalEntity + "/children",
                TestTokens.forTenant(other, "viewer", "ORG_VIEWER"));
        assertThat(elsewhere.status()).as("another tenant, naming this tenant's unit on its own path").isEqualTo(404);
    }

    @Test
    void rejectsPagesOutsideTheLimits() {
        for (String query : List.of("?size=1001", "?size=0", "?page=-1")) {
            assertThat(status(legalEntity, query)).as(query).isEqualTo(400);
        }
        assertThat(children(legalEntity, "?size=1000").get("total").asLong()).isEqualTo(5);
    }

    private UnitCreatedEvent department(String code, UUID unitId, Instant from) {
        return new UnitCreatedEvent(tenantId, unitId, UnitType.DEPARTMENT, code, "Department " + code, legalEntity,
                from, UnitDetails.NONE);
    }

    private JsonNode children(UUID unitId, String query) {
        Http.Response answer = http.get(path(unitId, query), viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private int status(UUID unitId, String query) {
        return http.get(path(unitId, query), viewer).status();
    }

    private String path(UUID unitId, String query) {
        return "/api/v1/tenants/" + tenantId + "/units/" + unitId + "/children" + (query.isEmpty() ? "?" : query + "&")
                + "minPosition=" + position;
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("items").forEach(unit -> codes.add(unit.get("code").asText()));
        return codes;
    }
}
