package dev.orgservice.query.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitReopenedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit search ({@code q}): a case-insensitive prefix of the code or of any word of the name, found through the
 * search keys' index (V12). What the query's characters mean in SQL's {@code LIKE} or in a regular expression
 * ({@code %}, {@code _}, {@code .}, {@code (}...) they must not mean here.
 */
class UnitSearchTest extends QuerySideIntegrationTest {

    private UUID tenantId;
    private String viewer;
    private long position;

    @BeforeEach
    void aTenantWithNamedUnits() {
        tenantId = newTenant("q").value();
        viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        Instant from = Instant.now().minusSeconds(60);
        UUID root = UUID.randomUUID();
        UUID renamed = UUID.randomUUID();
        List<Object> events = new ArrayList<>(List.of(new UnitCreatedEvent(tenantId, root, UnitType.LEGAL_ENTITY,
                "ACME-DE", "Acme Deutschland GmbH", null, from, UnitDetails.NONE)));
        for (String[] unit : List.of(new String[]{"FIN-1", "Finance & Controlling"},
                new String[]{"RD_2", "R&D (Labs) Berlin"}, new String[]{"MUC.3", "Vertrieb München"},
                new String[]{"PCT-4", "100% Sales"}, new String[]{"X-5", "Refinancing"})) {
            events.add(new UnitCreatedEvent(tenantId, UUID.randomUUID(), UnitType.DEPARTMENT, unit[0], unit[1], root,
                    from, UnitDetails.NONE));
        }
        events.add(new UnitCreatedEvent(tenantId, renamed, UnitType.DEPARTMENT, "OLD-6", "Old Name", root, from,
                UnitDetails.NONE));
        events.add(new UnitDetailsUpdatedEvent(tenantId, renamed, "Treasury Office", UnitDetails.NONE));
        events.add(new UnitCreatedEvent(tenantId, UUID.randomUUID(), UnitType.COST_CENTER, "CC-LATER", "Planned Center",
                root, Instant.parse("2099-01-01T00:00:00Z"), UnitDetails.NONE));
        position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);
    }

    @Test
    void findsAPrefixOfTheCodeOrOfAnyWordOfTheNameWhateverTheCase() {
        assertThat(codes("fin")).containsExactly("FIN-1");
        assertThat(codes("CONTR")).containsExactly("FIN-1");
        assertThat(codes("labs")).as("a word between parentheses").containsExactly("RD_2");
        assertThat(codes("münch")).as("a word that is not ASCII").containsExactly("MUC.3");
        assertThat(codes("treas")).as("the name after a rename").containsExactly("OLD-6");
        assertThat(codes("old")).as("the code still matches, the old name no longer").containsExactly("OLD-6");
        assertThat(codes("name")).isEmpty();
        assertThat(codes("financing")).as("inside a word is not a prefix").isEmpty();
        assertThat(codes("a")).containsExactly("ACME-DE");
    }

    @Test
    void lowerCasesTheQueryAsTheKeysAreLowerCased() {
        position = append("OrganizationTree", "org-tree-" + tenantId, 9, new UnitCreatedEvent(tenantId,
                UUID.randomUUID(), UnitType.LEGAL_ENTITY, "GR-1", "ΟΔΥΣΣΕΥΣ Shipping", null,
                Instant.now().minusSeconds(60), UnitDetails.NONE));
        // Java lower-cases a final capital sigma to ς, PostgreSQL to σ as every other one
        assertThat(codes("ΟΔΥΣ")).containsExactly("GR-1");
        assertThat(codes("οδυσσευσ")).containsExactly("GR-1");
        assertThat(codes("ΟΔΥΣΣΕΥΣ")).containsExactly("GR-1");
    }

    @Test
    void neverFindsAnotherTenantsUnits() {
        TenantId other = newTenant("o");
        long otherPosition = append("OrganizationTree", "org-tree-" + other, 0, List.of(new UnitCreatedEvent(
                other.value(), UUID.randomUUID(), UnitType.LEGAL_ENTITY, "FIN-9", "Finance Holding", null,
                Instant.now().minusSeconds(60), UnitDetails.NONE)));
        position = Math.max(position, otherPosition);

        assertThat(codes("fin")).containsExactly("FIN-1");
        assertThat(codes("holding")).isEmpty();
        Http.Response theirs = http.get("/api/v1/tenants/" + other + "/units?q=fin", viewer);
        assertThat(theirs.status()).as("a token of one tenant on another's path").isEqualTo(404);
    }

    @Test
    void takesTheCharactersOfTheQueryLiterally() {
        assertThat(codes("%")).isEmpty();
        assertThat(codes("_")).isEmpty();
        assertThat(codes("rd_")).containsExactly("RD_2");
        assertThat(codes("r_")).as("_ is no wildcard").isEmpty();
        assertThat(codes("muc.")).containsExactly("MUC.3");
        assertThat(codes("mu.")).as(". is no wildcard").isEmpty();
        assertThat(codes("(labs")).as("words hold letters and digits only").isEmpty();
        assertThat(codes("100")).containsExactly("PCT-4");
        assertThat(codes("100%")).isEmpty();
        assertThat(codes("finance controlling")).as("one word, not a phrase").isEmpty();
        assertThat(codes("\\")).isEmpty();
        assertThat(codes("fin\uDBFF\uDFFF")).as("U+10FFFF, which has no successor").isEmpty();
        assertThat(codes("\uD7FF")).isEmpty();
    }

    @Test
    void boundsAPrefixByTheSuccessorOfItsLastCharacter() {
        assertThat(HierarchyQueries.afterPrefix("fin")).isEqualTo("fio");
        assertThat(HierarchyQueries.afterPrefix("mü")).isEqualTo("mý");
        assertThat(HierarchyQueries.afterPrefix("a\uD7FF")).isEqualTo("a\uE000");
        assertThat(HierarchyQueries.afterPrefix("a\uD83D\uDE00")).isEqualTo("a\uD83D\uDE01");
        assertThat(HierarchyQueries.afterPrefix("a\uDBFF\uDFFF")).isEqualTo("b");
        assertThat(HierarchyQueries.afterPrefix("\uDBFF\uDFFF")).hasSize(402).startsWith("\uDBFF\uDFFF");
    }

    @Test
    void listsWithoutAQueryTheUnitsThatExistAtAsOfByCode() {
        assertThat(list("")).containsExactly("ACME-DE", "FIN-1", "MUC.3", "OLD-6", "PCT-4", "RD_2", "X-5");
        assertThat(list("&size=2&page=1")).containsExactly("MUC.3", "OLD-6");
        assertThat(list("&type=COST_CENTER")).isEmpty();
        assertThat(list("&type=COST_CENTER&asOf=2099-01-01")).containsExactly("CC-LATER");
        assertThat(list("&asOf=2099-01-01")).hasSize(8);
        assertThat(list("&asOf=2000-01-01")).as("before any unit existed").isEmpty();
        assertThat(list("&status=ACTIVE&size=3")).containsExactly("ACME-DE", "FIN-1", "MUC.3");
        assertThat(codes("planned")).as("not yet").isEmpty();
    }

    @Test
    void listsTheUnitsOfAStatusAtAsOfWithTheirTotal() {
        Instant from = Instant.now().minusSeconds(60);
        Instant closed = Instant.now().minusSeconds(30);
        UUID root = UUID.randomUUID();
        UUID closedNow = UUID.randomUUID();
        UUID closedLater = UUID.randomUUID();
        UUID reopened = UUID.randomUUID();
        position = append("OrganizationTree", "org-tree-" + tenantId, 9, List.of(
                new UnitCreatedEvent(tenantId, root, UnitType.LEGAL_ENTITY, "ZZ-ROOT", "Root", null, from,
                        UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, closedNow, UnitType.DEPARTMENT, "CLOSED-7", "Closed", root, from,
                        UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, closedLater, UnitType.COST_CENTER, "LATER-8", "Closes", root, from,
                        UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, reopened, UnitType.DEPARTMENT, "BACK-9", "Back", root, from,
                        UnitDetails.NONE),
                new UnitClosedEvent(tenantId, closedNow, closed),
                new UnitClosedEvent(tenantId, closedLater, Instant.parse("2090-01-01T00:00:00Z")),
                new UnitClosedEvent(tenantId, reopened, closed),
                new UnitReopenedEvent(tenantId, reopened, Instant.parse("2080-01-01T00:00:00Z"))));
        TenantId other = newTenant("c");
        UUID theirs = UUID.randomUUID();
        position = Math.max(position, append("OrganizationTree", "org-tree-" + other, 0, List.of(
                new UnitCreatedEvent(other.value(), theirs, UnitType.LEGAL_ENTITY, "AA-THEIRS", "Theirs", null, from,
                        UnitDetails.NONE),
                new UnitClosedEvent(other.value(), theirs, closed))));

        assertThat(list("&status=CLOSED")).containsExactly("BACK-9", "CLOSED-7");
        assertThat(list("&status=CLOSED&type=COST_CENTER")).as("not closed yet").isEmpty();
        assertThat(list("&status=CLOSED&asOf=2095-01-01")).containsExactly("CLOSED-7", "LATER-8");
        assertThat(list("&status=CLOSED&size=1&page=1")).containsExactly("CLOSED-7");
        assertThat(list("&status=ACTIVE")).containsExactly("ACME-DE", "FIN-1", "LATER-8", "MUC.3", "OLD-6", "PCT-4",
                "RD_2", "X-5", "ZZ-ROOT");
        assertThat(list("&status=ACTIVE&type=COST_CENTER")).containsExactly("LATER-8");
        assertThat(list("&status=ACTIVE&type=COST_CENTER&asOf=2099-06-01")).containsExactly("CC-LATER");
        assertThat(list("&status=ACTIVE&asOf=2085-01-01")).contains("BACK-9").doesNotContain("CLOSED-7");
        assertThat(list("&status=ACTIVE&size=2&page=1")).containsExactly("LATER-8", "MUC.3");
        assertThat(list("&status=ACTIVE&size=50&page=3")).as("past the end, with the total").isEmpty();
        assertThat(list("&status=ACTIVE&asOf=2000-01-01")).isEmpty();
        assertThat(list("&status=CLOSED&asOf=2000-01-01")).isEmpty();
        assertThat(codes("clos")).containsExactly("CLOSED-7", "LATER-8");
        Http.Response pastTheEnd = http.get("/api/v1/tenants/" + tenantId + "/units?minPosition=" + position
                + "&q=clos&size=1&page=5", viewer);
        assertThat(pastTheEnd.json().get("items")).isEmpty();
        assertThat(pastTheEnd.json().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void walksAListFromTheCodeAfterWhichItContinues() {
        assertThat(list("&after=MUC.3")).containsExactly("OLD-6", "PCT-4", "RD_2", "X-5");
        assertThat(list("&after=MUC.3&size=2")).containsExactly("OLD-6", "PCT-4");
        assertThat(list("&after=MUC.3&size=2&page=1")).as("a page counted from the cursor").containsExactly("RD_2",
                "X-5");
        assertThat(list("&after=M")).as("any text, not only a code").startsWith("MUC.3");
        assertThat(list("&after=X-5")).isEmpty();
        assertThat(list("&after=FIN-1&type=DEPARTMENT&size=1")).containsExactly("MUC.3");
        assertThat(list("&after=FIN-1&status=ACTIVE&size=3")).containsExactly("MUC.3", "OLD-6", "PCT-4");
        assertThat(list("&after=PCT-4&status=ACTIVE")).containsExactly("RD_2", "X-5");
        assertThat(codes("r", "&after=A")).containsExactly("RD_2", "X-5");
        assertThat(codes("r", "&after=RD_2")).containsExactly("X-5");
        assertThat(list("&after=")).as("empty: from the start").hasSize(7);

        UUID closed = UUID.randomUUID();
        position = append("OrganizationTree", "org-tree-" + tenantId, 9, List.of(
                new UnitCreatedEvent(tenantId, closed, UnitType.DEPARTMENT, "CL-1", "Gone", null,
                        Instant.now().minusSeconds(60), UnitDetails.NONE),
                new UnitClosedEvent(tenantId, closed, Instant.now().minusSeconds(30))));
        assertThat(list("&status=CLOSED&after=A")).containsExactly("CL-1");
        assertThat(list("&status=CLOSED&after=CL-1")).isEmpty();

        String page = "/api/v1/tenants/" + tenantId + "/units?minPosition=" + position + "&size=3";
        List<String> walked = new ArrayList<>();
        for (String after = ""; ; ) {
            JsonNode items = http.get(page + "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8), viewer)
                    .json().get("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(unit -> walked.add(unit.get("code").asText()));
            after = walked.get(walked.size() - 1);
        }
        assertThat(walked).as("the whole list, page by page").isEqualTo(list(""));

        Http.Response tooLong = http.get(page + "&after=" + "A".repeat(65), viewer);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("after");
    }

    /** The codes of a list without {@code q}, after checking that its total counts the whole list. */
    private List<String> list(String parameters) {
        Http.Response all = http.get("/api/v1/tenants/" + tenantId + "/units?minPosition=" + position + parameters
                .replaceAll("&(size|page)=\\d+", ""), viewer);
        Http.Response found = http.get("/api/v1/tenants/" + tenantId + "/units?minPosition=" + position + parameters,
                viewer);
        assertThat(found.status()).as(parameters + ": " + found.body()).isEqualTo(200);
        assertThat(found.json().get("total").asInt()).as("total").isEqualTo(all.json().get("items").size());
        List<String> codes = new ArrayList<>();
        found.json().get("items").forEach(unit -> codes.add(unit.get("code").asText()));
        return codes;
    }

    private List<String> codes(String q) {
        return codes(q, "");
    }

    private List<String> codes(String q, String parameters) {
        Http.Response found = http.get("/api/v1/tenants/" + tenantId + "/units?minPosition=" + position + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + parameters, viewer);
        assertThat(found.status()).as(q + ": " + found.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode unit : found.json().get("items")) {
            codes.add(unit.get("code").asText());
        }
        assertThat(found.json().get("total").asInt()).isEqualTo(codes.size());
        return codes;
    }
}
