package dev.orgservice.command.structure;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structure, position and approval commands need an ACTIVE tenant (RegistryTenantGuard): a tenant still being
 * provisioned, or one offboarded, is refused with {@code 409 tenant-not-active} and its tree gains no event.
 */
class InactiveTenantTreeCommandsTest extends CommandSideIntegrationTest {

    private static final String PLATFORM = TestTokens.platformAdmin();
    private static final String POLICY = "{\"steps\":[{\"kind\":\"MANAGEMENT_CHAIN_UNTIL_AUTHORITY\"}]}";

    @Test
    void refusesUnitsAndPoliciesOnATenantNeverActivated() throws SQLException {
        UUID tenantId = provisioningTenant();
        long before = TreeRequests.treeEvents(tenantId);

        assertUnitsAndPoliciesRefused(tenantId, UUID.randomUUID().toString(), "PROVISIONING");
        assertThat(TreeRequests.treeEvents(tenantId)).as("events of the tenant's tree").isEqualTo(before);
    }

    @Test
    void refusesPositionsAndImportsOnATenantNeverActivatedAsNotActive() {
        UUID tenantId = provisioningTenant();
        String tenant = "/api/v1/tenants/" + tenantId;
        String unitId = UUID.randomUUID().toString();

        assertNotActive(http.post(tenant + "/positions", admin(tenantId), position(unitId)), "PROVISIONING");
        assertNotActive(http.post(tenant + "/positions/import", admin(tenantId),
                "[{\"ref\":\"a\",\"unitId\":\"" + unitId + "\",\"title\":\"Clerk\"}]"), "PROVISIONING");
        assertNotActive(http.post(tenant + "/approval-authorities/import", admin(tenantId),
                "[{\"positionId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"INVOICE\",\"amount\":\"5\","
                        + "\"currency\":\"EUR\"}]"), "PROVISIONING");
    }

    @Test
    void refusesUnitsPositionsAndPoliciesOnAnOffboardedTenant() throws SQLException {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("gone"), 1);
        Http.Response offboarded = http.post("/api/v1/tenants/" + tree.tenantId() + "/offboard", PLATFORM,
                "{\"reason\":\"contract ended\"}");
        assertThat(offboarded.status()).as(offboarded.body()).isEqualTo(200);

        long before = TreeRequests.treeEvents(tree.tenantId());

        assertUnitsAndPoliciesRefused(tree.tenantId(), tree.root(), "OFFBOARDED");
        assertNotActive(http.post("/api/v1/tenants/" + tree.tenantId() + "/positions", admin(tree.tenantId()),
                position(tree.departments().get(0))), "OFFBOARDED");
        assertThat(TreeRequests.treeEvents(tree.tenantId())).as("events of the tenant's tree").isEqualTo(before);
    }

    /** A root, a department under {@code parentId} and a policy, each sent by the tenant's own admin. */
    private void assertUnitsAndPoliciesRefused(UUID tenantId, String parentId, String status) {
        String tenant = "/api/v1/tenants/" + tenantId;
        String admin = admin(tenantId);
        assertNotActive(http.post(tenant + "/units", admin, TreeRequests.ROOT.replace("ROOT", "R2")), status);
        assertNotActive(http.post(tenant + "/units", admin, TreeRequests.department("D9", parentId)), status);
        assertNotActive(http.put(tenant + "/approval-policies/PURCHASE_ORDER", admin, POLICY), status);
    }

    private UUID provisioningTenant() {
        Http.Response created = http.post("/api/v1/tenants", PLATFORM, Http.newTenant(uniqueSlug("prov"), "STANDARD"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("tenantId").asText());
    }

    private static String admin(UUID tenantId) {
        return TestTokens.forTenant(tenantId, "alice", "TENANT_ADMIN");
    }

    private static String position(String unitId) {
        return "{\"unitId\":\"" + unitId + "\",\"title\":\"Clerk\"}";
    }

    private static void assertNotActive(Http.Response response, String status) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/tenant-not-active");
        assertThat(response.json().get("currentStatus").asText()).isEqualTo(status);
    }
}
