package dev.orgservice.query.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
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
 * The cost center of a {@code COST_CENTER_OWNER} step is taken as of {@code asOf}, as every unit is: not found before
 * it exists, and not chargeable (the chain incomplete, saying why) while it is closed or past its validity.
 */
class CostCenterAsOfTest extends QuerySideIntegrationTest {

    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");

    @Test
    void aCostCenterIsChargeableOnlyWhileItExistsIsOpenAndValid() {
        UUID tenantId = newTenant("ccasof").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID le = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        UUID closing = UUID.randomUUID();
        UUID clerk = UUID.randomUUID();
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, List.of(
                new UnitCreatedEvent(tenantId, le, UnitType.LEGAL_ENTITY, "LE", "LE", null, FROM, UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, later, UnitType.COST_CENTER, "CC-LATER", "Later", le,
                        Instant.parse("2025-01-01T00:00:00Z"), owner("owner-1", Instant.parse("2027-01-01T00:00:00Z"))),
                new UnitCreatedEvent(tenantId, closing, UnitType.COST_CENTER, "CC-CLOSING", "Closing", le, FROM,
                        owner("owner-2", null)),
                new UnitClosedEvent(tenantId, closing, Instant.parse("2026-06-01T00:00:00Z")),
                new PositionCreatedEvent(tenantId, clerk, le, "Clerk", false, null, List.of()),
                new PositionHolderAssignedEvent(tenantId, clerk, "clerk", FROM, null),
                new ApprovalPolicyDefinedEvent(tenantId, "CAPEX", List.of(new ApprovalStep(
                        ApprovalStep.Kind.COST_CENTER_OWNER, null, null)), 1, 8, FROM)));

        assertThat(chain(tenantId, viewer, position, later, "2024-06-01").status()).as("before it exists")
                .isEqualTo(404);
        JsonNode valid = chain(tenantId, viewer, position, later, "2025-06-01").json();
        assertThat(valid.get("complete").asBoolean()).isTrue();
        assertThat(valid.get("approvers").get(0).get("personId").asText()).isEqualTo("owner-1");
        JsonNode expired = chain(tenantId, viewer, position, later, "2027-06-01").json();
        assertThat(expired.get("complete").asBoolean()).isFalse();
        assertThat(expired.get("approvers")).isEmpty();
        assertThat(expired.get("explanation").asText()).contains("CC-LATER is valid until 2027-01-01T00:00:00Z");

        assertThat(chain(tenantId, viewer, position, closing, "2026-05-01").json().get("complete").asBoolean())
                .isTrue();
        JsonNode closed = chain(tenantId, viewer, position, closing, "2026-07-01").json();
        assertThat(closed.get("complete").asBoolean()).isFalse();
        assertThat(closed.get("explanation").asText()).contains("CC-CLOSING is closed");
    }

    private static UnitDetails owner(String person, Instant validTo) {
        return new UnitDetails(null, null, null, null, null, null, null, null, person, null, null, validTo, null, null);
    }

    private Http.Response chain(UUID tenantId, String viewer, long position, UUID costCenter, String asOf) {
        return http.get("/api/v1/tenants/" + tenantId + "/approval-chain?purpose=CAPEX&requesterId=clerk&amount=10"
                + "&currency=EUR&costCenterId=" + costCenter + "&asOf=" + asOf + "&minPosition=" + position, viewer);
    }
}
