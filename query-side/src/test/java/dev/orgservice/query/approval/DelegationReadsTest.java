package dev.orgservice.query.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.approval.DelegationRevokedEvent;
import dev.orgservice.api.approval.Money;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delegations list, paged (with an old asOf it holds every delegation ever granted), and one delegation by its
 * id (the Location a grant answers). Five are in force until 2099, from p1's (2020-01-01) to p5's (2020-01-05);
 * REVOKED was revoked in 2021, ENDED ended in 2021.
 */
class DelegationReadsTest extends QuerySideIntegrationTest {

    private UUID tenantId;
    private String viewer;
    private long position;
    private UUID revoked;
    private UUID ended;
    private UUID first;

    @BeforeEach
    void delegations() {
        tenantId = newTenant("dl").value();
        viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        List<Object> events = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            events.add(delegation(UUID.randomUUID(), "p" + i, "2020-01-0" + i, "2099-01-01"));
        }
        first = ((DelegationGrantedEvent) events.get(4)).delegationId();
        revoked = UUID.randomUUID();
        ended = UUID.randomUUID();
        events.add(delegation(revoked, "revoker", "2020-02-01", "2099-01-01"));
        events.add(delegation(ended, "ender", "2020-03-01", "2021-06-01"));
        events.add(new DelegationRevokedEvent(tenantId, revoked, Instant.parse("2021-01-01T00:00:00Z")));
        position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);
    }

    @Test
    void pagesGoOnByStartAndCountEveryDelegation() {
        JsonNode whole = read("/delegations");
        assertThat(whole.get("size").asInt()).as("the default size").isEqualTo(100);
        assertThat(whole.get("total").asLong()).isEqualTo(5);
        assertThat(delegators(whole)).containsExactly("p1", "p2", "p3", "p4", "p5");
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = read("/delegations?size=2&page=" + page);
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(2);
            assertThat(answer.get("total").asLong()).isEqualTo(5);
            paged.addAll(delegators(answer));
        }
        assertThat(paged).as("the pages, one after the other, are the list").isEqualTo(delegators(whole));
        JsonNode past = read("/delegations?size=2&page=3");
        assertThat(past.get("items")).as("past the end").isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(5);

        JsonNode old = read("/delegations?asOf=2020-06-01&size=3&page=2");
        assertThat(delegators(old)).as("an old asOf counts those ended since").containsExactly("ender");
        assertThat(old.get("total").asLong()).isEqualTo(7);
        JsonNode ofOne = read("/delegations?personId=p3&size=1");
        assertThat(delegators(ofOne)).containsExactly("p3");
        assertThat(ofOne.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void delegationsStartingTogetherKeepOneOrderAcrossPages() {
        List<Object> twins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            twins.add(delegation(UUID.randomUUID(), "twin", "2020-01-03", "2099-01-01"));
        }
        position = append("OrganizationTree", "org-tree-" + tenantId, 8, twins);
        List<String> whole = ids(read("/delegations"));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            paged.addAll(ids(read("/delegations?size=2&page=" + page)));
        }
        assertThat(paged).hasSize(9).doesNotHaveDuplicates().isEqualTo(whole);
    }

    @Test
    void rejectsPagesOutsideTheLimits() {
        for (String query : List.of("?size=1001", "?size=0", "?page=-1")) {
            assertThat(http.get(path("/delegations" + query), viewer).status()).as(query).isEqualTo(400);
        }
        assertThat(read("/delegations?size=1000").get("total").asLong()).isEqualTo(5);
    }

    @Test
    void answersOneDelegationByItsIdEndedOrRevokedToo() {
        JsonNode found = read("/delegations/" + first);
        assertThat(found.get("delegationId").asText()).isEqualTo(first.toString());
        assertThat(found.get("delegatorId").asText()).isEqualTo("p1");
        assertThat(found.get("delegateId").asText()).isEqualTo("deputy");
        assertThat(found.get("purposes").get(0).asText()).isEqualTo("PURCHASE_ORDER");
        assertThat(found.get("maxAmount").get("currency").asText()).isEqualTo("EUR");
        assertThat(found.get("validFrom").asText()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(found.get("validTo").asText()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(found.has("grantedAt")).isTrue();
        assertThat(read("/delegations/" + revoked).get("validTo").asText()).as("ended by its revocation")
                .isEqualTo("2021-01-01T00:00:00Z");
        assertThat(read("/delegations/" + ended).get("validTo").asText()).isEqualTo("2021-06-01T00:00:00Z");
        assertThat(http.get(path("/delegations/" + first), TestTokens.forTenant(tenantId, "auditor", "AUDITOR"))
                .status()).as("every reading role").isEqualTo(200);

        Http.Response unknown = http.get(path("/delegations/" + UUID.randomUUID()), viewer);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).endsWith("/not-found");
    }

    @Test
    void anotherTenantsDelegationIsNotFoundOnThisTenantsPath() {
        UUID other = newTenant("dlx").value();
        UUID theirs = UUID.randomUUID();
        long theirPosition = append("OrganizationTree", "org-tree-" + other, 0, List.of(new DelegationGrantedEvent(
                other, theirs, "a", "b", List.of("PURCHASE_ORDER"), null, null, Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2099-01-01T00:00:00Z"))));
        String otherViewer = TestTokens.forTenant(other, "viewer", "ORG_VIEWER");
        assertThat(http.get("/api/v1/tenants/" + other + "/delegations/" + theirs + "?minPosition=" + theirPosition,
                otherViewer).status()).as("in its own tenant").isEqualTo(200);

        // one minPosition (a parameter given twice is refused), after both tenants' events
        Http.Response attack = http.get("/api/v1/tenants/" + tenantId + "/delegations/" + theirs + "?minPosition="
                + Math.max(position, theirPosition), viewer);
        assertThat(attack.status()).as(attack.body()).isEqualTo(404);
        assertThat(attack.body()).doesNotContain("\"delegatorId\"");
        assertThat(http.get("/api/v1/tenants/" + other + "/delegations/" + first + "?minPosition=" + position,
                otherViewer).status()).as("this tenant's, asked for by the other on its own path").isEqualTo(404);
        assertThat(ids(read("/delegations?asOf=2020-06-01&size=1000"))).doesNotContain(theirs.toString());
    }

    private DelegationGrantedEvent delegation(UUID id, String delegator, String from, String to) {
        return new DelegationGrantedEvent(tenantId, id, delegator, "deputy", List.of("PURCHASE_ORDER"), null,
                new Money(new BigDecimal("5000.00"), "EUR"), Instant.parse(from + "T00:00:00Z"),
                Instant.parse(to + "T00:00:00Z"));
    }

    private String path(String rest) {
        return "/api/v1/tenants/" + tenantId + rest + (rest.contains("?") ? "&" : "?") + "minPosition=" + position;
    }

    private JsonNode read(String rest) {
        Http.Response answer = http.get(path(rest), viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> delegators(JsonNode page) {
        List<String> delegators = new ArrayList<>();
        page.get("items").forEach(item -> delegators.add(item.get("delegatorId").asText()));
        return delegators;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("delegationId").asText()));
        return ids;
    }
}
