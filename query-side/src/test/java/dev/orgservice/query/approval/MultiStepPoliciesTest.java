package dev.orgservice.query.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policies of several steps through the query API (found by a review, 2026-11-28). LE (CFO: cfo, 100,000 EUR and USD)
 * > FIN (Lead: lead, 10,000 EUR and USD; Clerk: clerk); cost center CC1 (owner ccowner).
 */
class MultiStepPoliciesTest extends QuerySideIntegrationTest {

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");

    /**
     * CAPEX: [chain, cost center owner], 2..2 approvers; OPEX the same with 2..8. The lead covers 5,000 EUR and the
     * owner is the second approver: the chain must not climb to the CFO to reach the minimum on its own (CAPEX was
     * never complete, 3 > 2, and OPEX sent every 5,000 EUR request to the CFO).
     */
    @Test
    void theManagerWhoCoversAndTheBudgetOwnerAreTheTwoApprovers() {
        Org org = organization();
        String base = org.base();
        Http.Response capex = http.get(base + "&purpose=CAPEX&amount=5000&currency=EUR&costCenterId=" + org.costCenter(),
                org.viewer());
        Http.Response opex = http.get(base + "&purpose=OPEX&amount=5000&currency=EUR&costCenterId=" + org.costCenter(),
                org.viewer());
        assertThat(people(opex.json())).as("OPEX: " + opex.body()).containsExactly("lead", "ccowner");
        assertThat(people(capex.json())).as("CAPEX: " + capex.body()).containsExactly("lead", "ccowner");
        assertThat(capex.json().get("complete").asBoolean()).as("CAPEX: " + capex.body()).isTrue();
    }

    /** PURCHASE_ORDER: [chain, CFO above 100,000 EUR, CFO above 110,000 USD]: each threshold in its currency. */
    @Test
    void aPositionNamedWithAThresholdPerCurrency() {
        Org org = organization();
        Http.Response small = http.get(org.base() + "&purpose=PURCHASE_ORDER&amount=5000&currency=EUR", org.viewer());
        assertThat(small.status()).as("5,000 EUR, far below both thresholds (was a 422): " + small.body()).isEqualTo(200);
        assertThat(people(small.json())).containsExactly("lead");
        Http.Response usd = http.get(org.base() + "&purpose=PURCHASE_ORDER&amount=50000&currency=USD", org.viewer());
        assertThat(usd.status()).as("a USD request is not refused for the EUR threshold: " + usd.body()).isEqualTo(200);
        assertThat(people(usd.json())).as(usd.body()).containsExactly("lead", "cfo");
        assertThat(usd.json().get("complete").asBoolean()).isTrue();
    }

    private record Org(String viewer, String base, UUID costCenter) {
    }

    private Org organization() {
        UUID tenantId = newTenant("review").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID le = UUID.randomUUID();
        UUID fin = UUID.randomUUID();
        UUID cc = UUID.randomUUID();
        UUID cfo = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID clerk = UUID.randomUUID();
        List<Object> events = new ArrayList<>(List.of(
                new UnitCreatedEvent(tenantId, le, UnitType.LEGAL_ENTITY, "LE", "LE", null, FROM, UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, fin, UnitType.DEPARTMENT, "FIN", "FIN", le, FROM, UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, cc, UnitType.COST_CENTER, "CC1", "CC1", le, FROM,
                        new UnitDetails(null, null, null, null, null, null, null, null, "ccowner", null, null, null,
                                null, null)),
                new PositionCreatedEvent(tenantId, cfo, le, "CFO", true, null, List.of()),
                new PositionCreatedEvent(tenantId, lead, fin, "Lead", true, null, List.of()),
                new PositionCreatedEvent(tenantId, clerk, fin, "Clerk", false, null, List.of()),
                new PositionHolderAssignedEvent(tenantId, cfo, "cfo", FROM, null),
                new PositionHolderAssignedEvent(tenantId, lead, "lead", FROM, null),
                new PositionHolderAssignedEvent(tenantId, clerk, "clerk", FROM, null)));
        for (String purpose : List.of("CAPEX", "OPEX", "PURCHASE_ORDER")) {
            for (String currency : List.of("EUR", "USD")) {
                events.add(new ApprovalAuthorityGrantedEvent(tenantId, cfo, purpose, money("100000", currency), FROM));
                events.add(new ApprovalAuthorityGrantedEvent(tenantId, lead, purpose, money("10000", currency), FROM));
            }
        }
        // "the manager who can sign, and the budget owner": two approvers, no more
        events.add(new ApprovalPolicyDefinedEvent(tenantId, "CAPEX", List.of(ApprovalStep.MANAGEMENT_CHAIN,
                new ApprovalStep(ApprovalStep.Kind.COST_CENTER_OWNER, null, null)), 2, 2, FROM));
        // the same with the default maxApprovers (8)
        events.add(new ApprovalPolicyDefinedEvent(tenantId, "OPEX", List.of(ApprovalStep.MANAGEMENT_CHAIN,
                new ApprovalStep(ApprovalStep.Kind.COST_CENTER_OWNER, null, null)), 2, 8, FROM));
        // "the CFO also signs above 100,000 EUR / 110,000 USD", for a tenant with EUR and USD legal entities
        events.add(new ApprovalPolicyDefinedEvent(tenantId, "PURCHASE_ORDER", List.of(ApprovalStep.MANAGEMENT_CHAIN,
                new ApprovalStep(ApprovalStep.Kind.POSITION, cfo, money("100000", "EUR")),
                new ApprovalStep(ApprovalStep.Kind.POSITION, cfo, money("110000", "USD"))), 1, 8, FROM));
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);
        return new Org(viewer, "/api/v1/tenants/" + tenantId + "/approval-chain?requesterId=clerk&minPosition="
                + position, cc);
    }

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    private static List<String> people(JsonNode chain) {
        List<String> people = new ArrayList<>();
        chain.get("approvers").forEach(a -> people.add(a.get("personId").asText()));
        return people;
    }
}
