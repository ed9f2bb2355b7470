package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approval-chain resolution over HTTP, as a table over one organization built through the command API:
 * <pre>
 * ACME (LE)  CFO: cfo, PO 100,000 EUR
 * +- FIN     Head: head, PO 10,000 EUR
 * |  +- AP   Lead: lead, PO 1,000 EUR, EXPENSE_REPORT 1,000 EUR; Clerk: clerk; Senior: senior   (AP moves under ACME at +20)
 * +- LEGAL   Counsel (manager): vacant, PO 50,000 EUR; Lawyer: lawyer
 * +- OPS     Ops lead: opslead, PO 1,000 EUR; Ops clerk: opsclerk
 * +- SALES   Sales head: dual (from -10), PO 5,000 EUR
 *    +- INSIDE  Rep: dual (from -20); no manager in INSIDE
 * CC1 (cost center under ACME), responsible person ccowner
 * Delegations (PO): lead->senior [-1,+7); head->h1->h2 [-1,+7); cfo->cfodeputy only within FIN [-1,+7);
 * cfo->x2 [+30,+40); opslead->opsdeputy up to 300 EUR [-1,+7); opslead->expired [-30,-10)
 * Policies: CAPEX (tenant-defined) = chain + CFO above 50,000 EUR, 1..2 approvers (CAPEX limits: head 10,000,
 * cfo 100,000), 1..3 from +15; EXPENSE_REPORT = chain + cost center owner. Ops lead's limit is 60,000 EUR from +50.
 * </pre>
 * Days are relative to today (UTC).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalChainEndToEndTest extends RunningSystem {

    private final Map<String, String> ids = new HashMap<>();
    private String tenant;
    private String admin;
    private Http.Response last;

    record Case(String name, String query, int status, List<String> approvers, Boolean complete, List<String> skipped) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> table() {
        return Stream.of(
                new Case("delegate replaces the lead", "PURCHASE_ORDER&requesterId=clerk&amount=500", 200, List.of("senior"), true, List.of()),
                new Case("authority exactly equal to the amount", "PURCHASE_ORDER&requesterId=clerk&amount=1000", 200, List.of("senior"), true, List.of()),
                new Case("one cent above: chained delegation head->h1->h2", "PURCHASE_ORDER&requesterId=clerk&amount=1000.01", 200, List.of("senior", "h2"), true, List.of()),
                new Case("scoped delegation applies inside FIN", "PURCHASE_ORDER&requesterId=clerk&amount=50000", 200, List.of("senior", "h2", "cfodeputy"), true, List.of()),
                new Case("beyond all authority", "PURCHASE_ORDER&requesterId=clerk&amount=500000", 200, List.of("senior", "h2", "cfodeputy"), false, List.of()),
                new Case("currency without any limit", "PURCHASE_ORDER&requesterId=clerk&amount=500&currency=USD", 422, null, null, null),
                new Case("delegate is the requester: the lead approves", "PURCHASE_ORDER&requesterId=senior&amount=500", 200, List.of("lead"), true, List.of("DELEGATE_IS_REQUESTER")),
                new Case("vacant manager escalates; scoped delegation does not apply outside FIN", "PURCHASE_ORDER&requesterId=lawyer&amount=20000", 200, List.of("cfo"), true, List.of("VACANT")),
                new Case("future delegation in force at its date", "PURCHASE_ORDER&requesterId=lawyer&amount=20000&asOf={+35}", 200, List.of("x2"), true, List.of("VACANT")),
                new Case("delegation within its max amount", "PURCHASE_ORDER&requesterId=opsclerk&amount=200", 200, List.of("opsdeputy"), true, List.of()),
                new Case("over the delegation's max amount; expired delegation ignored", "PURCHASE_ORDER&requesterId=opsclerk&amount=500", 200, List.of("opslead"), true, List.of()),
                new Case("cfo's delegation is scoped out of OPS", "PURCHASE_ORDER&requesterId=opsclerk&amount=50000", 200, List.of("opslead", "cfo"), true, List.of()),
                new Case("after the delegation ends", "PURCHASE_ORDER&requesterId=clerk&amount=500&asOf={+10}", 200, List.of("lead"), true, List.of()),
                new Case("before the scheduled move", "PURCHASE_ORDER&requesterId=clerk&amount=5000&asOf={+10}", 200, List.of("lead", "head"), true, List.of()),
                new Case("after the scheduled move", "PURCHASE_ORDER&requesterId=clerk&amount=5000&asOf={+21}", 200, List.of("lead", "cfo"), true, List.of()),
                new Case("requester passed over in their other position", "PURCHASE_ORDER&requesterId=dual&amount=1000", 200, List.of("cfo"), true, List.of("REQUESTER")),
                new Case("requester in the capacity of sales head", "PURCHASE_ORDER&requesterId=dual&amount=1000&requesterPositionId={SALESHEAD}", 200, List.of("cfo"), true, List.of()),
                new Case("requester holds no position", "PURCHASE_ORDER&requesterId=nobody&amount=10", 404, null, null, null),
                new Case("policy: named position not needed below its threshold", "CAPEX&requesterId=clerk&amount=5000", 200, List.of("lead", "head"), true, List.of()),
                new Case("policy: named position is a duplicate; more approvers than allowed", "CAPEX&requesterId=clerk&amount=60000", 200, List.of("lead", "head", "cfo"), false, List.of("DUPLICATE")),
                new Case("policy: cost center owner after the chain", "EXPENSE_REPORT&requesterId=clerk&amount=500&costCenterId={CC1}", 200, List.of("lead", "ccowner"), true, List.of()),
                new Case("policy needs a cost center", "EXPENSE_REPORT&requesterId=clerk&amount=500", 422, null, null, null),
                new Case("tenant-defined purpose without a policy", "TRAVEL&requesterId=clerk&amount=500", 404, null, null, null),
                new Case("a limit raised from +50 covers at +55", "PURCHASE_ORDER&requesterId=opsclerk&amount=50000&asOf={+55}", 200, List.of("opslead"), true, List.of()),
                new Case("a policy scheduled from +15 allows three approvers", "CAPEX&requesterId=clerk&amount=60000&asOf={+17}", 200, List.of("lead", "head", "cfo"), true, List.of("DUPLICATE")),
                new Case("policy: the named treasurer", "TREASURY&requesterId=clerk&amount=10", 200, List.of("treasurer"), true, List.of()),
                new Case("policy: the named position vacant", "TREASURY&requesterId=clerk&amount=10&asOf={+55}", 200, List.of(), false, List.of("VACANT")),
                new Case("policy: the named position closed, the policy names the CFO from then", "TREASURY&requesterId=clerk&amount=10&asOf={+61}", 200, List.of("cfo"), true, List.of()));
    }

    @BeforeAll
    void anOrganizationWithAuthoritiesAndDelegations() {
        tenant = activeTenant(newSlug("apr"), "ENTERPRISE");
        admin = TestTokens.forTenant(UUID.fromString(tenant), "bill", "TENANT_ADMIN");

        String acme = unit("LEGAL_ENTITY", "ACME", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        String fin = unit("DEPARTMENT", "FIN", acme, "");
        String ap = unit("DEPARTMENT", "AP", fin, "");
        String legal = unit("DEPARTMENT", "LEGAL", acme, "");
        String ops = unit("DEPARTMENT", "OPS", acme, "");
        String sales = unit("DEPARTMENT", "SALES", acme, "");
        String inside = unit("DEPARTMENT", "INSIDE", sales, "");
        ids.put("CC1", unit("COST_CENTER", "CC1", acme, ",\"responsiblePersonId\":\"ccowner\""));

        String cfo = position(acme, "CFO", true, "cfo", -100);
        String head = position(fin, "Head of Finance", true, "head", -100);
        String lead = position(ap, "AP Lead", true, "lead", -100);
        position(ap, "AP Clerk", false, "clerk", -100);
        position(ap, "AP Senior", false, "senior", -100);
        String counsel = position(legal, "Counsel", true, null, 0);
        position(legal, "Lawyer", false, "lawyer", -100);
        String opsLead = position(ops, "Ops lead", true, "opslead", -100);
        position(ops, "Ops clerk", false, "opsclerk", -100);
        String salesHead = position(sales, "Sales head", true, "dual", -10);
        position(inside, "Rep", false, "dual", -20);
        ids.put("SALESHEAD", salesHead);

        authority(cfo, "PURCHASE_ORDER", "100000");
        authority(head, "PURCHASE_ORDER", "10000");
        authority(lead, "PURCHASE_ORDER", "1000");
        authority(counsel, "PURCHASE_ORDER", "50000");
        authority(opsLead, "PURCHASE_ORDER", "1000");
        authority(salesHead, "PURCHASE_ORDER", "5000");
        authority(head, "CAPEX", "10000");
        authority(cfo, "CAPEX", "100000");
        authority(lead, "EXPENSE_REPORT", "1000");

        delegate("lead", "senior", -1, 7, "");
        delegate("head", "h1", -1, 7, "");
        delegate("h1", "h2", -1, 7, "");
        delegate("cfo", "cfodeputy", -1, 7, ",\"unitScope\":\"" + fin + "\"");
        delegate("cfo", "x2", 30, 40, "");
        String neverInForce = delegate("cfo", "cancelled", 20, 25, "");
        assertThat(commands.delete("/api/v1/tenants/" + tenant + "/delegations/" + neverInForce, admin).status())
                .as("revoked before it starts").isEqualTo(200);
        delegate("opslead", "opsdeputy", -1, 7, ",\"maxAmount\":{\"amount\":\"300\",\"currency\":\"EUR\"}");
        delegate("opslead", "expired", -25, -10, ""); // a grant may start at most 30 days back

        policy("CAPEX", "[{\"kind\":\"MANAGEMENT_CHAIN_UNTIL_AUTHORITY\"},{\"kind\":\"POSITION\",\"positionId\":\"" + cfo
                + "\",\"above\":{\"amount\":\"50000\",\"currency\":\"EUR\"}}],\"minApprovers\":1,\"maxApprovers\":2");
        policy("EXPENSE_REPORT", "[{\"kind\":\"MANAGEMENT_CHAIN_UNTIL_AUTHORITY\"},{\"kind\":\"COST_CENTER_OWNER\"}]");
        // a policy naming a position that is vacated from +50 and closed (abolished) from +60: the close is refused
        // while the policy names it, so the policy names the CFO from +60 first
        String treasurer = position(acme, "Treasurer", false, "treasurer", -100);
        policy("TREASURY", "[{\"kind\":\"POSITION\",\"positionId\":\"" + treasurer + "\"}]");
        Http.Response vacated = commands.delete("/api/v1/tenants/" + tenant + "/positions/" + treasurer
                + "/holder?effectiveFrom=" + day(50), admin);
        assertThat(vacated.status()).as(vacated.body()).isEqualTo(200);
        String closeTreasurer = "/api/v1/tenants/" + tenant + "/positions/" + treasurer + "/close";
        Http.Response named = commands.post(closeTreasurer, admin, "{\"effectiveFrom\":\"" + day(60) + "\"}");
        assertThat(named.status()).as(named.body()).isEqualTo(409);
        assertThat(named.json().get("purpose").asText()).isEqualTo("TREASURY");
        Http.Response renamed = commands.put("/api/v1/tenants/" + tenant + "/approval-policies/TREASURY", admin,
                "{\"steps\":[{\"kind\":\"POSITION\",\"positionId\":\"" + cfo + "\"}],\"effectiveFrom\":\""
                        + day(60) + "\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Http.Response closed = commands.post(closeTreasurer, admin, "{\"effectiveFrom\":\"" + day(60) + "\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        Http.Response namingClosed = commands.put("/api/v1/tenants/" + tenant + "/approval-policies/TREASURY", admin,
                "{\"steps\":[{\"kind\":\"POSITION\",\"positionId\":\"" + treasurer + "\"}],\"effectiveFrom\":\""
                        + day(70) + "\"}");
        assertThat(namingClosed.status()).as("a policy naming a closed position: " + namingClosed.body()).isEqualTo(409);
        // scheduled changes, for the what-if rows: a higher limit from +50, a CAPEX policy allowing 3 from +15
        Http.Response raised = commands.put("/api/v1/tenants/" + tenant + "/positions/" + opsLead
                + "/approval-authority/PURCHASE_ORDER", admin, "{\"amount\":\"60000\",\"currency\":\"EUR\","
                + "\"effectiveFrom\":\"" + day(50) + "\"}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        Http.Response scheduled = commands.put("/api/v1/tenants/" + tenant + "/approval-policies/CAPEX", admin,
                "{\"steps\":[{\"kind\":\"MANAGEMENT_CHAIN_UNTIL_AUTHORITY\"},{\"kind\":\"POSITION\",\"positionId\":\""
                        + cfo + "\",\"above\":{\"amount\":\"50000\",\"currency\":\"EUR\"}}],\"maxApprovers\":3,"
                        + "\"effectiveFrom\":\"" + day(15) + "\"}");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        last = commands.post("/api/v1/tenants/" + tenant + "/units/" + ap + "/move", admin,
                "{\"newParentId\":\"" + acme + "\",\"effectiveFrom\":\"" + day(20) + "\"}");
        assertThat(last.status()).as(last.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void resolves(Case c) {
        String query = c.query().contains("currency=") ? c.query() : c.query() + "&currency=EUR";
        for (var id : ids.entrySet()) {
            query = query.replace("{" + id.getKey() + "}", id.getValue());
        }
        for (int days : new int[] {10, 17, 21, 35, 55, 61}) {
            query = query.replace("{+" + days + "}", day(days));
        }
        Http.Response response = queries.get("/api/v1/tenants/" + tenant + "/approval-chain?purpose=" + query
                + "&minPosition=" + last.position(), TestTokens.forTenant(UUID.fromString(tenant), "viewer", "ORG_VIEWER"));
        assertThat(response.status()).as(response.body()).isEqualTo(c.status());
        JsonNode body = response.json();
        if (c.status() != 200) {
            assertThat(response.contentType()).contains("application/problem+json");
            return;
        }
        assertThat(values(body.get("approvers"), "personId")).as(body.get("explanation").asText()).isEqualTo(c.approvers());
        assertThat(body.get("complete").asBoolean()).as(body.get("explanation").asText()).isEqualTo(c.complete());
        assertThat(values(body.get("skipped"), "reason")).as(body.get("explanation").asText()).isEqualTo(c.skipped());
        assertThat(body.get("explanation").asText()).isNotBlank();
    }

    @Test
    void namesTheDelegatorAndTheRuleOfEachApprover() {
        Http.Response response = queries.get("/api/v1/tenants/" + tenant + "/approval-chain?purpose=PURCHASE_ORDER"
                + "&requesterId=clerk&amount=5000&currency=EUR&minPosition=" + last.position(), admin);
        JsonNode approvers = response.json().get("approvers");
        assertThat(approvers.get(0).get("delegatedFrom").asText()).isEqualTo("lead");
        assertThat(approvers.get(1).get("delegatedFrom").asText()).isEqualTo("head");
        assertThat(approvers.get(1).get("authority").get("amount").decimalValue()).isEqualByComparingTo("10000");
        assertThat(approvers.get(1).get("step").asText()).isEqualTo("MANAGEMENT_CHAIN_UNTIL_AUTHORITY");
    }

    @Test
    void showsDelegationsPoliciesAndLimitsAsOfAnInstant() {
        String viewer = TestTokens.forTenant(UUID.fromString(tenant), "viewer", "ORG_VIEWER");
        String t = "/api/v1/tenants/" + tenant;
        JsonNode ofCfo = read(t + "/delegations?personId=cfo", last, viewer);
        assertThat(values(ofCfo.get("items"), "delegateId")).as("not the one revoked before it started")
                .containsExactly("cfodeputy", "x2");
        assertThat(values(read(t + "/delegations?personId=cfo&asOf=" + day(10), last, viewer).get("items"),
                "delegateId")).as("the one in force until +7 has ended by +10").containsExactly("x2");
        assertThat(values(read(t + "/delegations?personId=opslead", last, viewer).get("items"), "delegateId"))
                .as("the expired one is not listed").containsExactly("opsdeputy");
        assertThat(values(read(t + "/delegations?personId=h1", last, viewer).get("items"), "delegatorId"))
                .as("as delegate and as delegator, by start then delegator").containsExactly("h1", "head");

        JsonNode capex = read(t + "/approval-policies/CAPEX", last, viewer);
        assertThat(capex.get("steps").get(1).get("kind").asText()).isEqualTo("POSITION");
        assertThat(capex.get("maxApprovers").asInt()).isEqualTo(2);
        assertThat(capex.get("defaultPolicy").asBoolean()).isFalse();
        assertThat(read(t + "/approval-policies/INVOICE", last, viewer).get("defaultPolicy").asBoolean()).isTrue();
        assertThat(queries.get(t + "/approval-policies/TRAVEL", viewer).status()).isEqualTo(404);

        JsonNode limits = read(t + "/positions/" + ids.get("SALESHEAD") + "/approval-authorities", last, viewer);
        assertThat(values(limits.get("items"), "purpose")).contains("PURCHASE_ORDER");
        assertThat(queries.get(t + "/positions/" + UUID.randomUUID() + "/approval-authorities", viewer).status())
                .isEqualTo(404);
    }

    @Test
    void revokesADelegationFromADateAheadOrUpToThirtyDaysBack() {
        String t = "/api/v1/tenants/" + tenant;
        String leave = delegate("traveller", "standin", -5, 40, "");
        Http.Response ahead = commands.delete(t + "/delegations/" + leave + "?effectiveFrom=" + day(10), admin);
        assertThat(ahead.status()).as(ahead.body()).isEqualTo(200);
        JsonNode revoked = read(t + "/delegations/" + leave, ahead, admin);
        assertThat(revoked.get("validTo").asText()).as("it ends at the revocation").isEqualTo(day(10) + "T00:00:00Z");
        assertThat(values(read(t + "/delegations?personId=traveller&asOf=" + day(9), ahead, admin).get("items"),
                "delegateId")).as("in force until then").containsExactly("standin");
        Http.Response sooner = commands.delete(t + "/delegations/" + leave + "?effectiveFrom=" + day(5), admin);
        assertThat(sooner.status()).as("brought forward: " + sooner.body()).isEqualTo(200);
        assertThat(read(t + "/delegations/" + leave, sooner, admin).get("validTo").asText())
                .isEqualTo(day(5) + "T00:00:00Z");
        assertThat(commands.delete(t + "/delegations/" + leave + "?effectiveFrom=" + day(8), admin).status())
                .as("not pushed back: it has ended by then").isEqualTo(404);

        String late = delegate("traveller2", "standin", -20, 40, "");
        Http.Response backdated = commands.delete(t + "/delegations/" + late + "?effectiveFrom=" + day(-31), admin);
        assertThat(backdated.status()).as(backdated.body()).isEqualTo(422);
        assertThat(backdated.json().get("rule").asText()).isEqualTo("delegation-backdated");
        assertThat(commands.delete(t + "/delegations/" + late + "?effectiveFrom=" + day(-10), admin).status())
                .as("ended late: recorded today, in force until ten days ago").isEqualTo(200);
    }

    @Test
    void anotherTenantCannotResolveThisTenantsChains() {
        String stranger = TestTokens.forTenant(UUID.randomUUID(), "mallory", "TENANT_ADMIN");
        Http.Response response = queries.get("/api/v1/tenants/" + tenant + "/approval-chain?purpose=PURCHASE_ORDER"
                + "&requesterId=clerk&amount=500&currency=EUR", stranger);
        assertThat(response.status()).isEqualTo(404);
        Http.Response revoke = commands.post("/api/v1/tenants/" + tenant + "/delegations", stranger,
                "{\"delegatorId\":\"cfo\",\"delegateId\":\"mallory\",\"purposes\":[\"PURCHASE_ORDER\"],"
                        + "\"validFrom\":\"" + day(0) + "\",\"validTo\":\"" + day(5) + "\"}");
        assertThat(revoke.status()).isEqualTo(404);
    }

    @Test
    void importsAuthoritiesAtomicallyAndReportsEveryBadRow() {
        String unknown = UUID.randomUUID().toString();
        Http.Response refused = commands.post("/api/v1/tenants/" + tenant + "/approval-authorities/import", admin,
                "[{\"positionId\":\"" + ids.get("SALESHEAD") + "\",\"purpose\":\"INVOICE\",\"amount\":\"7\",\"currency\":\"EUR\"},"
                        + "{\"positionId\":\"" + unknown + "\",\"purpose\":\"INVOICE\",\"amount\":\"7\",\"currency\":\"EUR\"}]");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("row").asInt()).isEqualTo(1);
        assertThat(refused.json().get("rows").asInt()).as("the same problem shape as every import").isEqualTo(2);
        Http.Response imported = commands.post("/api/v1/tenants/" + tenant + "/approval-authorities/import", admin,
                "[{\"positionId\":\"" + ids.get("SALESHEAD") + "\",\"purpose\":\"INVOICE\",\"amount\":\"7\",\"currency\":\"EUR\"}]");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode chain = read("/api/v1/tenants/" + tenant + "/approval-chain?purpose=INVOICE&requesterId=dual&amount=5"
                + "&currency=EUR", imported, admin);
        assertThat(values(chain.get("approvers"), "personId")).as(chain.toString()).containsExactly("cfo");
        assertThat(values(chain.get("skipped"), "reason")).containsExactly("REQUESTER");
    }

    @Test
    void advancedPoliciesAndBulkImportsFollowTheTenantsFeatureToggles() {
        String standard = activeTenant(newSlug("aprf"), "STANDARD");
        String standardAdmin = TestTokens.forTenant(UUID.fromString(standard), "sam", "TENANT_ADMIN");
        String twoApprovers = "{\"steps\":[{\"kind\":\"MANAGEMENT_CHAIN_UNTIL_AUTHORITY\"}],\"minApprovers\":2}";
        Http.Response refused = commands.put("/api/v1/tenants/" + standard + "/approval-policies/INVOICE", standardAdmin,
                twoApprovers);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).endsWith("/feature-disabled");
        assertThat(commands.put("/api/v1/tenants/" + standard + "/features/advanced-approvals", standardAdmin,
                "{\"enabled\":true}").status()).isEqualTo(200);
        assertThat(commands.put("/api/v1/tenants/" + standard + "/approval-policies/INVOICE", standardAdmin,
                twoApprovers).status()).isEqualTo(200);

        assertThat(commands.put("/api/v1/tenants/" + standard + "/features/bulk-import", standardAdmin,
                "{\"enabled\":false}").status()).isEqualTo(200);
        Http.Response noImport = commands.post("/api/v1/tenants/" + standard + "/units/import", standardAdmin,
                "[{\"type\":\"LEGAL_ENTITY\",\"code\":\"LE\",\"name\":\"le\",\"country\":\"DE\",\"currency\":\"EUR\"}]");
        assertThat(noImport.status()).as(noImport.body()).isEqualTo(403);
        assertThat(commands.delete("/api/v1/tenants/" + standard + "/features/bulk-import", standardAdmin).status())
                .isEqualTo(200);
        assertThat(commands.post("/api/v1/tenants/" + standard + "/units/import", standardAdmin,
                "[{\"type\":\"LEGAL_ENTITY\",\"code\":\"LE\",\"name\":\"le\",\"country\":\"DE\",\"currency\":\"EUR\"}]")
                .status()).as("the plan default (on) applies again").isEqualTo(201);
    }

    @Test
    void anotherTenantCannotNameThisTenantsPositionsOrUnits() {
        String other = activeTenant(newSlug("aprx"), "ENTERPRISE");
        String otherAdmin = TestTokens.forTenant(UUID.fromString(other), "eve", "TENANT_ADMIN");
        String o = "/api/v1/tenants/" + other;
        assertThat(commands.post(o + "/units", otherAdmin, "{\"type\":\"LEGAL_ENTITY\",\"code\":\"EVE\","
                + "\"name\":\"Eve\",\"country\":\"DE\",\"currency\":\"EUR\"}").status()).isEqualTo(201);

        assertThat(commands.put(o + "/positions/" + ids.get("SALESHEAD") + "/approval-authority/PURCHASE_ORDER",
                otherAdmin, "{\"amount\":\"1\",\"currency\":\"EUR\"}").status()).isEqualTo(404);
        assertThat(commands.put(o + "/approval-policies/CAPEX", otherAdmin, "{\"steps\":[{\"kind\":\"POSITION\","
                + "\"positionId\":\"" + ids.get("SALESHEAD") + "\"}]}").status()).isEqualTo(404);
        assertThat(commands.post(o + "/delegations", otherAdmin, "{\"delegatorId\":\"a\",\"delegateId\":\"b\","
                + "\"purposes\":[\"INVOICE\"],\"unitScope\":\"" + ids.get("CC1") + "\",\"validFrom\":\"" + day(0)
                + "\",\"validTo\":\"" + day(3) + "\"}").status()).isEqualTo(404);
        assertThat(queries.get(o + "/positions/" + ids.get("SALESHEAD") + "/approval-authorities", otherAdmin).status())
                .as("row-level security: the other tenant's position does not exist here").isEqualTo(404);
        Http.Response chain = queries.get(o + "/approval-chain?purpose=PURCHASE_ORDER&requesterId=clerk&amount=5"
                + "&currency=EUR", otherAdmin);
        assertThat(chain.status()).as("clerk holds no position in the other tenant").isEqualTo(404);
    }

    @Test
    void onlyATenantAdministratorSetsAuthoritiesAndPolicies() {
        String editor = TestTokens.forTenant(UUID.fromString(tenant), "ed", "ORG_EDITOR");
        assertThat(commands.put("/api/v1/tenants/" + tenant + "/approval-policies/INVOICE", editor,
                "{\"steps\":[{\"kind\":\"MANAGEMENT_CHAIN_UNTIL_AUTHORITY\"}]}").status()).isEqualTo(403);
        assertThat(commands.put("/api/v1/tenants/" + tenant + "/positions/" + ids.get("SALESHEAD")
                + "/approval-authority/INVOICE", editor, "{\"amount\":\"1\",\"currency\":\"EUR\"}").status()).isEqualTo(403);
    }

    @Test
    void refusesMalformedApprovalSettings() {
        Http.Response badPolicy = commands.put("/api/v1/tenants/" + tenant + "/approval-policies/INVOICE", admin,
                "{\"steps\":[{\"kind\":\"POSITION\"}],\"minApprovers\":3,\"maxApprovers\":2}");
        assertThat(badPolicy.status()).isEqualTo(400);
        assertThat(badPolicy.json().get("errors").size()).isEqualTo(2);
        Http.Response badPurpose = commands.put("/api/v1/tenants/" + tenant + "/approval-policies/lower-case", admin,
                "{\"steps\":[{\"kind\":\"MANAGEMENT_CHAIN_UNTIL_AUTHORITY\"}]}");
        assertThat(badPurpose.status()).isEqualTo(400);
        Http.Response badMoney = commands.put("/api/v1/tenants/" + tenant + "/positions/" + ids.get("SALESHEAD")
                + "/approval-authority/INVOICE", admin, "{\"amount\":\"-5\",\"currency\":\"EURO\"}");
        assertThat(badMoney.status()).isEqualTo(400);
        assertThat(badMoney.json().get("errors").size()).isEqualTo(2);
        // @Digits counted 1E+2147483647's integer digits in an int: it passed, and parked the read model
        // more than 15 significant digits: a consumer's double-based JSON reader would round them
        for (String huge : List.of("1E+2147483647", "\"0E+2147483647\"", "1000000000000000", "0.00001",
                "\"999999999999999.9999\"", "12345678901.23456", "1234567890123.456")) {
            Http.Response tooLarge = commands.put("/api/v1/tenants/" + tenant + "/positions/" + ids.get("SALESHEAD")
                    + "/approval-authority/INVOICE", admin, "{\"amount\":" + huge + ",\"currency\":\"EUR\"}");
            assertThat(tooLarge.status()).as(huge + ": " + tooLarge.body()).isEqualTo(400);
            assertThat(tooLarge.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
            Http.Response asked = queries.get("/api/v1/tenants/" + tenant + "/approval-chain?purpose=PURCHASE_ORDER"
                    + "&requesterId=clerk&currency=EUR&amount=" + huge.replace("\"", "").replace("+", "%2B"), admin);
            assertThat(asked.status()).as(huge + ": " + asked.body()).isEqualTo(400);
        }
        Http.Response noMoney = commands.put("/api/v1/tenants/" + tenant + "/positions/" + ids.get("SALESHEAD")
                + "/approval-authority/INVOICE", admin, "{\"amount\":\"1\",\"currency\":\"XXX\"}");
        assertThat(noMoney.status()).as("XXX is ISO 4217's 'no currency'").isEqualTo(400);
        assertThat(noMoney.json().get("errors").get(0).get("field").asText()).isEqualTo("currency");
        for (String largest : List.of("999999999999999", "99999999999.9999", "999999999999999.0000")) {
            Http.Response accepted = commands.put("/api/v1/tenants/" + tenant + "/positions/" + ids.get("SALESHEAD")
                    + "/approval-authority/LARGEST_AMOUNT", admin, "{\"amount\":\"" + largest + "\",\"currency\":\"EUR\"}");
            assertThat(accepted.status()).as(largest + ": " + accepted.body()).isEqualTo(200);
        }
        Http.Response backwards = commands.post("/api/v1/tenants/" + tenant + "/delegations", admin,
                "{\"delegatorId\":\"a\",\"delegateId\":\"b\",\"purposes\":[\"PURCHASE_ORDER\"],"
                        + "\"validFrom\":\"" + day(5) + "\",\"validTo\":\"" + day(1) + "\"}");
        assertThat(backwards.status()).isEqualTo(400);
        Http.Response backdated = commands.post("/api/v1/tenants/" + tenant + "/delegations", admin,
                "{\"delegatorId\":\"a\",\"delegateId\":\"b\",\"purposes\":[\"PURCHASE_ORDER\"],"
                        + "\"validFrom\":\"" + day(-40) + "\",\"validTo\":\"" + day(5) + "\"}");
        assertThat(backdated.status()).as(backdated.body()).isEqualTo(422);
        assertThat(backdated.json().get("rule").asText()).isEqualTo("delegation-backdated");
        assertThat(backdated.json().get("maxBackdatingDays").asInt()).isEqualTo(30);
        Http.Response purposeTwice = commands.post("/api/v1/tenants/" + tenant + "/delegations", admin,
                "{\"delegatorId\":\"a\",\"delegateId\":\"b\",\"purposes\":[\"PURCHASE_ORDER\",\"PURCHASE_ORDER\"],"
                        + "\"validFrom\":\"" + day(0) + "\",\"validTo\":\"" + day(5) + "\"}");
        assertThat(purposeTwice.status()).as(purposeTwice.body()).isEqualTo(400);
        assertThat(purposeTwice.json().get("errors").get(0).get("field").asText()).isEqualTo("purposes");
        Http.Response thirdHop = commands.post("/api/v1/tenants/" + tenant + "/delegations", admin,
                "{\"delegatorId\":\"h2\",\"delegateId\":\"h3\",\"purposes\":[\"PURCHASE_ORDER\"],"
                        + "\"validFrom\":\"" + day(0) + "\",\"validTo\":\"" + day(5) + "\"}");
        assertThat(thirdHop.status()).as("head->h1->h2->h3 is 3 hops: allowed").isEqualTo(201);
        Http.Response fourth = commands.post("/api/v1/tenants/" + tenant + "/delegations", admin,
                "{\"delegatorId\":\"h3\",\"delegateId\":\"h4\",\"purposes\":[\"PURCHASE_ORDER\"],"
                        + "\"validFrom\":\"" + day(0) + "\",\"validTo\":\"" + day(5) + "\"}");
        assertThat(fourth.status()).isEqualTo(422);
        assertThat(commands.delete("/api/v1/tenants/" + tenant + "/delegations/"
                + thirdHop.json().get("delegationId").asText(), admin).status()).isEqualTo(200);
    }

    // ---- setup helpers --------------------------------------------------------------------------------------

    private static String day(int offset) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(offset).toString();
    }

    private String unit(String type, String code, String parent, String extra) {
        Http.Response created = commands.post("/api/v1/tenants/" + tenant + "/units", admin, "{\"type\":\"" + type
                + "\",\"code\":\"" + code + "\",\"name\":\"" + code + "\"" + (parent == null ? "" : ",\"parentId\":\""
                + parent + "\"") + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("unitId").asText();
    }

    private String position(String unit, String title, boolean manager, String holder, int fromDay) {
        Http.Response created = commands.post("/api/v1/tenants/" + tenant + "/positions", admin,
                "{\"unitId\":\"" + unit + "\",\"title\":\"" + title + "\",\"manager\":" + manager + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("positionId").asText();
        if (holder != null) {
            Http.Response held = commands.put("/api/v1/tenants/" + tenant + "/positions/" + id + "/holder", admin,
                    "{\"personId\":\"" + holder + "\",\"from\":\"" + day(fromDay) + "\"}");
            assertThat(held.status()).as(held.body()).isEqualTo(200);
        }
        return id;
    }

    private void authority(String position, String purpose, String amount) {
        Http.Response set = commands.put("/api/v1/tenants/" + tenant + "/positions/" + position + "/approval-authority/"
                + purpose, admin, "{\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"effectiveFrom\":\"" + day(-100) + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** Answers the new delegation's id. */
    private String delegate(String from, String to, int fromDay, int toDay, String extra) {
        Http.Response granted = commands.post("/api/v1/tenants/" + tenant + "/delegations", admin,
                "{\"delegatorId\":\"" + from + "\",\"delegateId\":\"" + to + "\",\"purposes\":[\"PURCHASE_ORDER\"],"
                        + "\"validFrom\":\"" + day(fromDay) + "\",\"validTo\":\"" + day(toDay) + "\"" + extra + "}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted.json().get("delegationId").asText();
    }

    private void policy(String purpose, String steps) {
        Http.Response defined = commands.put("/api/v1/tenants/" + tenant + "/approval-policies/" + purpose, admin,
                "{\"steps\":" + steps + ",\"effectiveFrom\":\"" + day(-100) + "\"}");
        assertThat(defined.status()).as(defined.body()).isEqualTo(200);
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.hasNonNull(field) ? item.get(field).asText() : null));
        return values;
    }
}
