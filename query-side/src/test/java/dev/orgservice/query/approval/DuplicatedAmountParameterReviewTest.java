package dev.orgservice.query.approval;

import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review finding: an approval chain asked with {@code amount} (or {@code asOf}, {@code costCenterId},
 * {@code requesterPositionId}) given twice is answered for the first value, silently: {@code amount=500&amount=50000}
 * is resolved as a 500 EUR request, so a client (or an integration that appends a parameter) gets the lead alone as
 * approver of what may be a 50,000 EUR purchase order.
 * <p>
 * Promise: shared/README.md: "{@code 400}: the request is invalid on its own (syntax, a missing or malformed field
 * ...)"; docs/api.md "Strict request bodies": a field given twice is {@code 400} naming it, because a silently chosen
 * value changes the answer; "Strict query parameters" refuses parameters the endpoint does not take for the same
 * reason. A parameter given twice with different values is ambiguous input: an enterprise user expects a {@code 400}
 * problem naming it, never a guess that routes the approval to someone with too little authority.
 * <p>
 * Defect: {@code StrictQueryParameters} (platform) checks names and values, not how often a single-valued parameter
 * is given; Spring then converts the {@code String[]} to {@code BigDecimal}/{@code Instant}/{@code UUID} by taking
 * the first element (String parameters are joined with commas instead, which the patterns happen to refuse).
 * <p>
 * Expected: 400 validation problem naming {@code amount}. Observed: 200, resolved for 500 EUR (approver: lead).
 */
class DuplicatedAmountParameterReviewTest extends QuerySideIntegrationTest {

    @Test
    void anAmountGivenTwiceIsRefusedNotResolvedForTheFirstValue() {
        UUID tenantId = newTenant("dupamt").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        UUID le = UUID.randomUUID();
        UUID fin = UUID.randomUUID();
        UUID cfo = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID clerk = UUID.randomUUID();
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, List.of(
                new UnitCreatedEvent(tenantId, le, UnitType.LEGAL_ENTITY, "LE", "LE", null, from, UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, fin, UnitType.DEPARTMENT, "FIN", "FIN", le, from, UnitDetails.NONE),
                new PositionCreatedEvent(tenantId, cfo, le, "CFO", true, null, List.of()),
                new PositionCreatedEvent(tenantId, lead, fin, "Lead", true, null, List.of()),
                new PositionCreatedEvent(tenantId, clerk, fin, "Clerk", false, null, List.of()),
                new PositionHolderAssignedEvent(tenantId, cfo, "cfo", from, null),
                new PositionHolderAssignedEvent(tenantId, lead, "lead", from, null),
                new PositionHolderAssignedEvent(tenantId, clerk, "clerk", from, null),
                new ApprovalAuthorityGrantedEvent(tenantId, lead, "PURCHASE_ORDER",
                        new Money(new BigDecimal("1000"), "EUR"), from),
                new ApprovalAuthorityGrantedEvent(tenantId, cfo, "PURCHASE_ORDER",
                        new Money(new BigDecimal("100000"), "EUR"), from)));
        String base = "/api/v1/tenants/" + tenantId + "/approval-chain?purpose=PURCHASE_ORDER&requesterId=clerk"
                + "&currency=EUR&minPosition=" + position;

        Http.Response twice = http.get(base + "&amount=500&amount=50000", viewer);

        assertThat(twice.status()).as("amount given twice (500 and 50000) is ambiguous and must be a 400 problem "
                + "naming amount, not a chain for one of them: " + twice.body()).isEqualTo(400);
        assertThat(twice.body()).contains("amount");
    }
}
