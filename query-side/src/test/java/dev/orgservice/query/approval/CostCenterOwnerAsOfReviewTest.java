package dev.orgservice.query.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review finding: a {@code COST_CENTER_OWNER} step answers today's responsible person for every {@code asOf}, so an
 * approval chain asked for a past instant names someone who was not the cost center's owner then.
 * <p>
 * Promise: docs/api.md, approval-chain rules: "{@code asOf} answers as the organization, authorities, policies and
 * delegations are (or are scheduled to be) at that instant"; docs/api.md, {@code PATCH /units/{u}}: "The change takes
 * effect immediately", and docs/events.md: {@code UnitDetailsUpdatedEvent} takes effect when it is recorded. So before
 * the change was recorded the earlier responsible person was the owner, and a chain as of then (an auditor checking
 * who should have approved last year's invoice) must name them.
 * <p>
 * Defect: {@code ApprovalChainQueries.costCenter} reads {@code read_model.unit.details->>'responsiblePersonId'} (and
 * {@code validTo}), which the hierarchy projection overwrites in place ({@code details || ?}) on every
 * {@code UnitDetailsUpdatedEvent}; nothing of the earlier value is kept, so the past cannot be answered. (The unit's
 * status is taken as of {@code asOf}: {@link CostCenterAsOfTest}.)
 * <p>
 * Scenario: cost center CC1 exists since 2020 with owner "old-owner"; its responsible person becomes "new-owner" by a
 * details update recorded now. Expected as of 2021-01-01: old-owner. Observed: new-owner.
 */
class CostCenterOwnerAsOfReviewTest extends QuerySideIntegrationTest {

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void aChainAsOfAnEarlierInstantNamesTheCostCenterOwnerOfThatInstant() {
        UUID tenantId = newTenant("ccowner").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID le = UUID.randomUUID();
        UUID cc = UUID.randomUUID();
        UUID clerk = UUID.randomUUID();
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, List.of(
                new UnitCreatedEvent(tenantId, le, UnitType.LEGAL_ENTITY, "LE", "LE", null, FROM, UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, cc, UnitType.COST_CENTER, "CC1", "CC1", le, FROM, owner("old-owner")),
                new PositionCreatedEvent(tenantId, clerk, le, "Clerk", false, null, List.of()),
                new PositionHolderAssignedEvent(tenantId, clerk, "clerk", FROM, null),
                new ApprovalPolicyDefinedEvent(tenantId, "CAPEX", List.of(new ApprovalStep(
                        ApprovalStep.Kind.COST_CENTER_OWNER, null, null)), 1, 8, FROM),
                // recorded now, effective immediately: from now on new-owner is responsible
                new UnitDetailsUpdatedEvent(tenantId, cc, null, owner("new-owner"))));

        JsonNode now = chain(tenantId, viewer, position, cc, null);
        assertThat(owner(now)).as("today: " + now).isEqualTo("new-owner");
        JsonNode past = chain(tenantId, viewer, position, cc, "2021-01-01");
        assertThat(owner(past)).as("as of 2021-01-01, long before the change was recorded, old-owner was "
                + "responsible for CC1; answer: " + past).isEqualTo("old-owner");
    }

    private static String owner(JsonNode chain) {
        return chain.get("approvers").get(0).get("personId").asText();
    }

    private static UnitDetails owner(String person) {
        return new UnitDetails(null, null, null, null, null, null, null, null, person, null, null, null, null, null);
    }

    private JsonNode chain(UUID tenantId, String viewer, long position, UUID costCenter, String asOf) {
        Http.Response answer = http.get("/api/v1/tenants/" + tenantId + "/approval-chain?purpose=CAPEX"
                + "&requesterId=clerk&amount=10&currency=EUR&costCenterId=" + costCenter
                + (asOf == null ? "" : "&asOf=" + asOf) + "&minPosition=" + position, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
