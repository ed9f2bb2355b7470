package dev.orgservice.query.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review finding: {@code GET /approval-policies/{purpose}} answers the built-in default of a purpose without a
 * {@code validTo} even when a policy is already scheduled to replace it, so it says "until further notice" for a rule
 * that ends at a known date.
 * <p>
 * Promise: {@code ApprovalPolicyView}: "from {@code validFrom} until {@code validTo} (absent: until further notice)";
 * docs/api.md, approval settings: "the policy in force at {@code asOf} with its {@code validFrom}/{@code validTo}; for
 * a built-in purpose without one the default". A defined policy followed by a scheduled one shows the scheduled
 * start as its {@code validTo}; the default in force before a scheduled policy ends at that start just the same.
 * <p>
 * Defect: {@code ApprovalSettingsQueries.policy} builds the default's view with {@code validTo} null without looking
 * for the purpose's first policy after {@code asOf}.
 * <p>
 * Scenario: PURCHASE_ORDER has a policy from 2099-01-01 only; asked as of 2030-01-01. Expected: the default with
 * {@code validTo} 2099-01-01T00:00:00Z. Observed: the default without {@code validTo}.
 */
class DefaultPolicyValidToReviewTest extends QuerySideIntegrationTest {

    @Test
    void theDefaultInForceBeforeAScheduledPolicyEndsWhereThatPolicyStarts() {
        UUID tenantId = newTenant("defpol").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, List.of(
                new ApprovalPolicyDefinedEvent(tenantId, "PURCHASE_ORDER", List.of(ApprovalStep.MANAGEMENT_CHAIN), 2,
                        8, Instant.parse("2099-01-01T00:00:00Z"))));

        Http.Response answer = http.get("/api/v1/tenants/" + tenantId
                + "/approval-policies/PURCHASE_ORDER?asOf=2030-01-01&minPosition=" + position, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode view = answer.json();
        assertThat(view.get("defaultPolicy").asBoolean()).as(answer.body()).isTrue();
        assertThat(view.path("validTo").asText(null)).as("the default ends where the policy scheduled from "
                + "2099-01-01 starts; absent validTo means 'until further notice': " + answer.body())
                .isEqualTo("2099-01-01T00:00:00Z");
    }
}
