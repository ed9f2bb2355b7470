package dev.orgservice.query.storage;

import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack on the read side (as ForeignIdsEndToEndTest on the command side): tenant A's administrator names tenant
 * B's ids, codes and people on every read endpoint, also through percent-encoded paths, and gets 404 or an empty
 * answer, never a byte of B's data (from a security review, 2026-11-28).
 */
class ForeignIdsReadsTest extends QuerySideIntegrationTest {

    @Test
    void anotherTenantsIdsAndPeopleAreNeverAnswered() {
        TenantId a = newTenant("pa");
        TenantId b = newTenant("pb");
        Instant from = Instant.now().minusSeconds(3600);
        UUID aRoot = UUID.randomUUID(), aHead = UUID.randomUUID(), aClerk = UUID.randomUUID();
        append("OrganizationTree", "org-tree-" + a, 0, List.of(
                new UnitCreatedEvent(a.value(), aRoot, UnitType.LEGAL_ENTITY, "AROOT", "Alpha Root", null, from,
                        UnitDetails.NONE),
                new PositionCreatedEvent(a.value(), aHead, aRoot, "Alpha Head", true, null, List.of()),
                new PositionCreatedEvent(a.value(), aClerk, aRoot, "Alpha Clerk", false, null, List.of()),
                new PositionHolderAssignedEvent(a.value(), aHead, "a-boss", from, null),
                new PositionHolderAssignedEvent(a.value(), aClerk, "a-clerk", from, null),
                new ApprovalAuthorityGrantedEvent(a.value(), aHead, "PURCHASE_ORDER",
                        new Money(new BigDecimal("100000"), "EUR"), from),
                new ApprovalPolicyDefinedEvent(a.value(), "TRAVEL", List.of(ApprovalStep.MANAGEMENT_CHAIN,
                        new ApprovalStep(ApprovalStep.Kind.COST_CENTER_OWNER, null, null)), 1, 8, from)));

        UUID bRoot = UUID.randomUUID(), bDept = UUID.randomUUID(), bCc = UUID.randomUUID();
        UUID bHead = UUID.randomUUID(), bClerk = UUID.randomUUID(), bDelegation = UUID.randomUUID();
        UnitDetails owner = new UnitDetails(null, null, null, null, null, null, null, null, "secretowner", null, null,
                null, null, null);
        long position = append("OrganizationTree", "org-tree-" + b, 0, List.of(
                new UnitCreatedEvent(b.value(), bRoot, UnitType.LEGAL_ENTITY, "BSECRETROOT", "Betasecret Root", null,
                        from, UnitDetails.NONE),
                new UnitCreatedEvent(b.value(), bDept, UnitType.DEPARTMENT, "BSECRETDEPT", "Betasecret Dept", bRoot,
                        from, UnitDetails.NONE),
                new UnitCreatedEvent(b.value(), bCc, UnitType.COST_CENTER, "BSECRETCC", "Betasecret CC", bRoot,
                        from, owner),
                new PositionCreatedEvent(b.value(), bHead, bRoot, "Betasecret Head", true, null, List.of()),
                new PositionCreatedEvent(b.value(), bClerk, bDept, "Betasecret Clerk", false, bHead, List.of(bHead)),
                new PositionHolderAssignedEvent(b.value(), bHead, "b-boss", from, null),
                new PositionHolderAssignedEvent(b.value(), bClerk, "b-clerk", from, null),
                new ApprovalAuthorityGrantedEvent(b.value(), bHead, "PURCHASE_ORDER",
                        new Money(new BigDecimal("5000"), "EUR"), from),
                new ApprovalPolicyDefinedEvent(b.value(), "CAPEX", List.of(ApprovalStep.MANAGEMENT_CHAIN), 1, 8, from),
                new DelegationGrantedEvent(b.value(), bDelegation, "b-boss", "b-clerk", List.of("PURCHASE_ORDER"),
                        null, null, from, from.plusSeconds(86_400 * 30))));

        String bToken = TestTokens.forTenant(b.value(), "bv", "ORG_VIEWER");
        assertThat(http.get("/api/v1/tenants/" + b + "/units/" + bDept + "/ancestors?minPosition=" + position, bToken)
                .status()).isEqualTo(200);

        String token = TestTokens.forTenant(a.value(), "av", "TENANT_ADMIN");
        String t = "/api/v1/tenants/" + a;
        String chain = t + "/approval-chain?purpose=PURCHASE_ORDER&requesterId=a-clerk&amount=10&currency=EUR";
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(t + "/units/" + bRoot, 404);
        expected.put(t + "/units/" + bDept + "/ancestors", 404);
        expected.put(t + "/units/" + bRoot + "/children", 404);
        expected.put(t + "/units/" + bRoot + "/children?page=3", 404);
        expected.put(t + "/units/" + bRoot + "/subtree", 404);
        expected.put(t + "/units/" + bRoot + "/subtree?page=3", 404);
        expected.put(t + "/units/" + bRoot + "/positions", 404);
        expected.put(t + "/units/" + bDept + "/manager", 404);
        expected.put(t + "/units?q=betasecret", 200);
        expected.put(t + "/units?q=bsecret&status=ACTIVE", 200);
        expected.put(t + "/units?status=CLOSED", 200);
        expected.put(t + "/units?type=COST_CENTER", 200);
        expected.put(t + "/positions", 200);
        expected.put(t + "/positions?vacant=false", 200);
        expected.put(t + "/positions/" + bHead, 404);
        expected.put(t + "/positions/" + bHead + "/reports?indirect=true", 404);
        expected.put(t + "/positions/" + bHead + "/dotted-line-reports", 404);
        expected.put(t + "/positions/" + aHead + "/reports?indirect=true", 200);
        expected.put(t + "/positions/" + bHead + "/approval-authorities", 404);
        expected.put(t + "/people/b-boss/positions", 200);
        expected.put(t + "/people/b-clerk/management-chain", 404);
        expected.put(t + "/people/a-clerk/management-chain?positionId=" + bClerk, 404);
        expected.put(t + "/people/a-clerk/management-chain", 200);
        expected.put(chain, 200);
        expected.put(chain + "&costCenterId=" + bCc, 404);
        expected.put(chain + "&requesterPositionId=" + bClerk, 404);
        expected.put(t + "/approval-chain?purpose=PURCHASE_ORDER&requesterId=b-clerk&amount=10&currency=EUR", 404);
        expected.put(t + "/approval-chain?purpose=CAPEX&requesterId=a-clerk&amount=10&currency=EUR", 404);
        expected.put(t + "/approval-chain?purpose=TRAVEL&requesterId=a-clerk&amount=10&currency=EUR&costCenterId="
                + bCc, 404);
        expected.put(t + "/approval-policies/CAPEX", 404);
        expected.put(t + "/delegations?personId=b-boss", 200);
        expected.put(t + "/delegations", 200);
        expected.put(t + "/delegations/" + bDelegation, 404);
        expected.put(t + "/features", 200);
        expected.put("/api/v1/tenants/by-slug/pb-" + b.value().toString().substring(0, 8), 404);
        expected.put("/api/v1/tenants/" + b, 404);
        expected.put("/api/v1/tenants/" + b + "/units/" + bRoot, 404);
        expected.put("/%61pi/v1/tenants/" + b + "/units/" + bRoot, 404);
        expected.put("/%61pi/v1/tenants/" + b, 404);
        expected.put("/%61pi/v1/tenants/" + b + "/units/" + bRoot + "/subtree", 404);
        expected.put("/api/v1/tenants/" + b + "/units/" + bRoot + "/%73ubtree", 404);
        expected.put("/api/v1/%74enants/" + b + "/units/" + bRoot, 404);
        expected.put("/%61pi/v1/tenants", 403);
        expected.put("/%61pi/v1/projections/parked-tenants", 403);
        expected.put(t + "/units?%71=betasecret", 200);
        expected.put("/%61pi/v1/tenants/" + a + "/units?bogus=1", 400);

        List<String> problems = new ArrayList<>();
        expected.forEach((path, status) -> {
            Http.Response response = http.get(path, token);
            String body = response.body().toLowerCase();
            if (response.status() != status) {
                problems.add(path + " -> " + response.status() + " (expected " + status + "): " + response.body());
            }
            for (String secret : List.of("betasecret", "bsecret", "b-boss", "b-clerk", "secretowner",
                    bRoot.toString(), bHead.toString(), bClerk.toString(), bDelegation.toString(), bCc.toString(),
                    bDept.toString())) {
                if (body.contains(secret.toLowerCase()) && !path.contains(secret)) {
                    problems.add(path + " leaks " + secret + ": " + response.body());
                }
            }
        });
        assertThat(problems).isEmpty();
    }
}
