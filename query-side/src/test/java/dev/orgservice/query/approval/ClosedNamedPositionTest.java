package dev.orgservice.query.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
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
 * A policy that names a position closed at {@code asOf}: the tree refuses both since the policies' named positions
 * are kept (tree revision 7), but events recorded before can hold it, and the chain then says {@code CLOSED}: the
 * policy has to change, not the staffing.
 */
class ClosedNamedPositionTest extends QuerySideIntegrationTest {

    @Test
    void aNamedPositionClosedAtAsOfIsSkippedAsClosed() {
        UUID tenantId = newTenant("closed").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID le = UUID.randomUUID();
        UUID treasurer = UUID.randomUUID();
        UUID clerk = UUID.randomUUID();
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, List.of(
                new UnitCreatedEvent(tenantId, le, UnitType.LEGAL_ENTITY, "LE", "LE", null, from, UnitDetails.NONE),
                new PositionCreatedEvent(tenantId, treasurer, le, "Treasurer", false, null, List.of()),
                new PositionCreatedEvent(tenantId, clerk, le, "Clerk", false, null, List.of()),
                new PositionHolderAssignedEvent(tenantId, clerk, "clerk", from, null),
                new PositionHolderAssignedEvent(tenantId, treasurer, "treasurer", from,
                        Instant.parse("2030-01-01T00:00:00Z")),
                new ApprovalPolicyDefinedEvent(tenantId, "TREASURY",
                        List.of(new ApprovalStep(ApprovalStep.Kind.POSITION, treasurer, null)), 1, 8, from),
                new PositionClosedEvent(tenantId, treasurer, Instant.parse("2030-01-01T00:00:00Z"))));

        JsonNode open = chain(tenantId, viewer, position, "2025-01-01");
        assertThat(open.get("complete").asBoolean()).isTrue();
        assertThat(open.get("approvers").get(0).get("personId").asText()).isEqualTo("treasurer");
        JsonNode closed = chain(tenantId, viewer, position, "2031-01-01");
        assertThat(closed.get("complete").asBoolean()).isFalse();
        assertThat(closed.get("approvers")).isEmpty();
        assertThat(closed.get("skipped").get(0).get("reason").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("skipped").get(0).get("positionId").asText()).isEqualTo(treasurer.toString());
    }

    private JsonNode chain(UUID tenantId, String viewer, long position, String asOf) {
        Http.Response answer = http.get("/api/v1/tenants/" + tenantId + "/approval-chain?purpose=TREASURY"
                + "&requesterId=clerk&amount=10&currency=EUR&asOf=" + asOf + "&minPosition=" + position, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
