package dev.orgservice.command.tenant.web;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static dev.orgservice.command.tenant.web.TenantCommandApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class TenantAdminContactApiTest extends CommandSideIntegrationTest {

    private static final String SUCCESSOR = "{\"adminEmail\":\"it-admin@acme.example\"}";

    @Test
    void letsTheTenantAdminNameAnotherContactAndAnswersTheNewRevision() {
        String tenantId = newActiveTenant("contact");
        String path = "/api/v1/tenants/" + tenantId + "/admin-contact";

        Http.Response changed = http.send("PUT", path, tenantAdmin(tenantId), SUCCESSOR,
                Map.of("If-Match", "\"1\"", "X-Change-Reason", "alice left"));
        Http.Response again = http.put(path, tenantAdmin(tenantId), SUCCESSOR);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(changed.json().get("revision").asLong()).isEqualTo(2);
        assertThat(again.status()).as("the same contact again changes nothing").isEqualTo(200);
        assertThat(again.json().get("revision").asLong()).isEqualTo(2);
        assertProblem(http.send("PUT", path, tenantAdmin(tenantId), "{\"adminEmail\":\"x@acme.example\"}",
                Map.of("If-Match", "\"1\"")), 412, "precondition-failed");
    }

    @Test
    void letsAPlatformOperatorNameTheContactOfATenantWhoseAdminLeft() {
        String tenantId = newActiveTenant("contact");

        Http.Response changed = http.put("/api/v1/tenants/" + tenantId + "/admin-contact", TestTokens.platformAdmin(),
                SUCCESSOR);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    @Test
    void refusesWhatIsNoEmailAddressAsAtCreation() {
        String tenantId = newActiveTenant("contact");
        String path = "/api/v1/tenants/" + tenantId + "/admin-contact";

        for (String body : new String[]{"{}", "{\"adminEmail\":\"\"}", "{\"adminEmail\":\"  \"}",
                "{\"adminEmail\":\"not-an-address\"}", "{\"adminEmail\":\"" + "a".repeat(250) + "@acme.example\"}"}) {
            Http.Response refused = http.put(path, tenantAdmin(tenantId), body);
            assertProblem(refused, 400, "validation");
            assertThat(refused.json().get("errors").findValuesAsText("field")).as(body).contains("adminEmail");
        }
    }

    @Test
    void refusesRolesWithoutTenantAdministrationAndOtherTenantsAdmins() {
        String tenantId = newActiveTenant("contact");
        String otherTenantId = newActiveTenant("other");
        String path = "/api/v1/tenants/" + tenantId + "/admin-contact";
        UUID tenant = UUID.fromString(tenantId);

        assertProblem(http.put(path, TestTokens.forTenant(tenant, "ed", "ORG_EDITOR"), SUCCESSOR), 403, "forbidden");
        assertProblem(http.put(path, TestTokens.forTenant(tenant, "vic", "ORG_VIEWER"), SUCCESSOR), 403, "forbidden");
        assertProblem(http.put(path, tenantAdmin(otherTenantId), SUCCESSOR), 404, "not-found");
    }

    @Test
    void refusesToChangeTheContactOfAnOffboardedTenant() {
        String tenantId = newActiveTenant("contact");
        assertThat(http.post("/api/v1/tenants/" + tenantId + "/offboard", TestTokens.platformAdmin(),
                "{\"reason\":\"contract ended\"}").status()).isEqualTo(200);

        assertProblem(http.put("/api/v1/tenants/" + tenantId + "/admin-contact", TestTokens.platformAdmin(), SUCCESSOR),
                409, "tenant-not-active");
    }

    private static String tenantAdmin(String tenantId) {
        return TestTokens.forTenant(UUID.fromString(tenantId), "alice", "TENANT_ADMIN");
    }
}
