package dev.orgservice.local;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role x endpoint matrix, as a table: every endpoint, with every role of the own tenant, an admin of another
 * tenant, and no / expired / wrongly signed / unsigned ({@code alg: none}) tokens.
 */
class RoleMatrixTest extends RunningSystem {

    private static final Set<String> PLATFORM = Set.of("PLATFORM_ADMIN");
    private static final Set<String> TENANT_ADMINISTRATION = Set.of("PLATFORM_ADMIN", "TENANT_ADMIN");
    private static final Set<String> EDITING = Set.of("PLATFORM_ADMIN", "TENANT_ADMIN", "ORG_EDITOR");
    private static final Set<String> READING = Set.of("PLATFORM_ADMIN", "TENANT_ADMIN", "ORG_EDITOR", "ORG_VIEWER",
            "AUDITOR");
    private static final List<String> ROLES = List.of("PLATFORM_ADMIN", "TENANT_ADMIN", "ORG_EDITOR", "ORG_VIEWER",
            "AUDITOR");

    private record Endpoint(boolean query, String method, String path, String body, Set<String> allowed,
                            Map<String, String> headers) {
        Endpoint(boolean query, String method, String path, String body, Set<String> allowed) {
            this(query, method, path, body, allowed, Map.of());
        }

        boolean tenantScoped() {
            return path.contains("{t}");
        }
    }

    private static String tenant;
    private static String other;
    private static String unit;
    private static String position;
    private static String slug;

    @BeforeAll
    static void twoTenantsWithAStructure() {
        slug = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        tenant = activeTenant(slug);
        other = activeTenant("rmo-" + UUID.randomUUID().toString().substring(0, 8));
        String editor = TestTokens.forTenant(UUID.fromString(tenant), "ed", "ORG_EDITOR");
        unit = commands.post("/api/v1/tenants/" + tenant + "/units", editor,
                "{\"type\":\"LEGAL_ENTITY\",\"code\":\"LE\",\"name\":\"le\",\"country\":\"DE\",\"currency\":\"EUR\"}")
                .json().get("unitId").asText();
        position = commands.post("/api/v1/tenants/" + tenant + "/positions", editor,
                "{\"unitId\":\"" + unit + "\",\"title\":\"Boss\",\"manager\":true}").json().get("positionId").asText();
    }

    private static List<Endpoint> endpoints() {
        String dept = "{\"type\":\"DEPARTMENT\",\"code\":\"D-%s\",\"name\":\"d\",\"parentId\":\"{u}\"}";
        return List.of(
                new Endpoint(false, "POST", "/api/v1/tenants", null, PLATFORM),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/activate", "{}", PLATFORM),
                new Endpoint(false, "PUT", "/api/v1/tenants/{t}/subscription", "{\"plan\":\"ENTERPRISE\",\"status\":\"ACTIVE\"}", PLATFORM),
                new Endpoint(false, "PATCH", "/api/v1/tenants/{t}/configuration", "{\"timezone\":\"Europe/Vienna\"}", TENANT_ADMINISTRATION),
                new Endpoint(false, "PUT", "/api/v1/tenants/{t}/admin-contact", "{\"adminEmail\":\"it-%s@acme.example\"}",
                        TENANT_ADMINISTRATION),
                new Endpoint(false, "PUT", "/api/v1/tenants/{t}/features/bulk-import", "{\"enabled\":true}", TENANT_ADMINISTRATION),
                new Endpoint(false, "DELETE", "/api/v1/tenants/{t}/features/bulk-import", null, TENANT_ADMINISTRATION),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/units", dept, EDITING),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/units/import", "[" + dept + "]", EDITING),
                new Endpoint(false, "PATCH", "/api/v1/tenants/{t}/units/{u}", "{\"name\":\"renamed\"}", EDITING),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/units/{u}/move", "{\"newParentId\":null}", EDITING),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/positions", "{\"unitId\":\"{u}\",\"title\":\"x\",\"manager\":false}", EDITING),
                new Endpoint(false, "PATCH", "/api/v1/tenants/{t}/positions/{p}", "{\"title\":\"renamed\"}", EDITING),
                new Endpoint(false, "PUT", "/api/v1/tenants/{t}/positions/{p}/reporting-lines", "{}", EDITING),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/positions/{p}/close", "{}", EDITING),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/positions/{p}/move", "{\"unitId\":\"{u}\"}", EDITING),
                new Endpoint(false, "PUT", "/api/v1/tenants/{t}/positions/{p}/manager-role", "{\"manager\":true}", EDITING),
                new Endpoint(false, "PUT", "/api/v1/tenants/{t}/positions/{p}/holder", "{\"personId\":\"p-1\"}", EDITING),
                new Endpoint(false, "DELETE", "/api/v1/tenants/{t}/positions/{p}/holder", null, EDITING),
                new Endpoint(false, "PUT", "/api/v1/tenants/{t}/positions/{p}/approval-authority/INVOICE",
                        "{\"amount\":\"100\",\"currency\":\"EUR\"}", TENANT_ADMINISTRATION),
                new Endpoint(false, "DELETE", "/api/v1/tenants/{t}/positions/{p}/approval-authority/INVOICE?currency=EUR",
                        null, TENANT_ADMINISTRATION),
                new Endpoint(false, "PUT", "/api/v1/tenants/{t}/approval-policies/INVOICE",
                        "{\"steps\":[{\"kind\":\"MANAGEMENT_CHAIN_UNTIL_AUTHORITY\"}]}", TENANT_ADMINISTRATION),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/delegations", "{\"delegatorId\":\"a-%s\",\"delegateId\":"
                        + "\"b\",\"purposes\":[\"INVOICE\"],\"validFrom\":\"2030-01-01\",\"validTo\":\"2030-01-08\"}", EDITING),
                new Endpoint(false, "DELETE", "/api/v1/tenants/{t}/delegations/" + UUID.randomUUID(), null, EDITING),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/positions/import",
                        "[{\"ref\":\"r\",\"unitId\":\"{u}\",\"title\":\"x\"}]", EDITING),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/approval-authorities/import",
                        "[{\"positionId\":\"{p}\",\"purpose\":\"INVOICE\",\"amount\":\"1\",\"currency\":\"EUR\"}]",
                        TENANT_ADMINISTRATION),
                // dated far ahead, so the unit stays active now for the rows after them
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/units/{u}/close", "{\"effectiveFrom\":\"2099-01-01\"}", EDITING),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/units/{u}/reopen", "{\"effectiveFrom\":\"2099-06-01\"}", EDITING),
                // the platform admin suspends, then reactivates; the offboarding's stale If-Match leaves it active
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/suspend", "{\"reason\":\"matrix\"}", PLATFORM),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/reactivate", "{}", PLATFORM),
                new Endpoint(false, "POST", "/api/v1/tenants/{t}/offboard", "{\"reason\":\"matrix\"}", PLATFORM,
                        Map.of("If-Match", "\"999999\"")),
                new Endpoint(true, "GET", "/api/v1/me", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants", null, PLATFORM),
                new Endpoint(true, "GET", "/api/v1/projections/parked-tenants", null, PLATFORM),
                new Endpoint(true, "POST", "/api/v1/projections/parked-tenants/retry", null, PLATFORM),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/features", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/features/bulk-import", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/units", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/units/export", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/units/{u}", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/units/{u}/children", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/units/{u}/subtree", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/units/{u}/ancestors", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/units/{u}/positions", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/units/{u}/manager", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/positions", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/positions/{p}", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/positions/{p}/reports", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/positions/{p}/dotted-line-reports", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/people/p-1/management-chain", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/people/p-1/positions", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/approval-chain?purpose=INVOICE&requesterId=p-1&amount=5&currency=EUR",
                        null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/delegations", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/delegations/" + UUID.randomUUID(), null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/approval-policies/INVOICE", null, READING),
                new Endpoint(true, "GET", "/api/v1/tenants/{t}/positions/{p}/approval-authorities", null, READING));
    }

    @Test
    void everyRoleGetsExactlyWhatTheMatrixAllowsOnItsOwnTenant() {
        List<String> violations = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String role : ROLES) {
                String token = role.equals("PLATFORM_ADMIN") ? ADMIN
                        : TestTokens.forTenant(UUID.fromString(tenant), "user-" + role, role);
                Http.Response response = call(endpoint, tenant, token);
                boolean allowed = endpoint.allowed().contains(role);
                boolean ok = allowed ? response.status() != 401 && response.status() != 403 && response.status() < 500
                        : response.status() == 403;
                // JSON or a problem; the export's answer is its CSV file
                boolean csvFile = endpoint.path().endsWith("/export") && response.contentType().startsWith("text/csv");
                if (!ok || !(response.contentType().startsWith("application/") || csvFile)) {
                    violations.add(endpoint.method() + " " + endpoint.path() + " as " + role + " -> " + response.status());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void anAdminOfAnotherTenantFindsNothing() {
        String intruder = TestTokens.forTenant(UUID.fromString(other), "eve", "TENANT_ADMIN");
        List<String> violations = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.tenantScoped()) {
                Http.Response response = call(endpoint, tenant, intruder);
                if (response.status() != 404 || !response.json().get("type").asText().endsWith("/not-found")) {
                    violations.add(endpoint.method() + " " + endpoint.path() + " -> " + response.status());
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(queries.get("/api/v1/tenants/by-slug/" + slug, intruder).status()).isEqualTo(404);
    }

    @Test
    void aTokenWithoutTenantThatIsNotAPlatformAdminsReadsNoTenant() {
        String untethered = TestTokens.token("eve", null, List.of("ORG_VIEWER", "TENANT_ADMIN"), TestTokens.SECRET,
                Instant.now().plusSeconds(600));
        assertThat(queries.get("/api/v1/tenants/by-slug/" + slug, untethered).status()).isEqualTo(403);
        assertThat(queries.get("/api/v1/tenants", untethered).status()).isEqualTo(403);
        assertThat(queries.get("/api/v1/projections/parked-tenants", untethered).status()).isEqualTo(403);
        assertThat(queries.get("/api/v1/me", untethered).status()).as("it may still ask who it is").isEqualTo(200);
    }

    @Test
    void aTenantBoundPlatformAdminIsConfinedToItsTenant() {
        String bound = TestTokens.forTenant(UUID.fromString(other), "eve", "PLATFORM_ADMIN");
        assertThat(queries.get("/api/v1/tenants", bound).status()).isEqualTo(403);
        assertThat(queries.get("/api/v1/projections/parked-tenants", bound).status()).isEqualTo(403);
        assertThat(queries.post("/api/v1/projections/parked-tenants/retry", bound, "").status()).isEqualTo(403);
        assertThat(commands.post("/api/v1/tenants", bound, Http.newTenant("pa-" + UUID.randomUUID().toString()
                .substring(0, 8), "FREE")).status()).isEqualTo(403);
        assertThat(commands.post("/api/v1/tenants/" + other + "/suspend", bound, "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(queries.get("/api/v1/tenants/by-slug/" + slug, bound).status()).isEqualTo(404);
        assertThat(queries.get("/api/v1/tenants/" + other, bound).status()).as("its own tenant").isEqualTo(200);
        assertThat(commands.send("PATCH", "/api/v1/tenants/" + other + "/configuration", bound,
                "{\"timezone\":\"Europe/Vienna\"}", Map.of()).status()).as("administers its own tenant").isEqualTo(200);
    }

    @Test
    void aConditionalChangeTellsAnotherTenantNoRevision() {
        String intruder = TestTokens.forTenant(UUID.fromString(other), "eve", "TENANT_ADMIN");
        for (String path : List.of("/api/v1/tenants/" + tenant + "/units/" + unit,
                "/api/v1/tenants/" + other + "/units/" + unit)) {
            Http.Response response = commands.send("PATCH", path, intruder, "{\"name\":\"mine\"}",
                    Map.of("If-Match", "\"999\""));
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("currentRevision");
        }
        Http.Response tenantChange = commands.send("PATCH", "/api/v1/tenants/" + tenant + "/configuration", intruder,
                "{\"timezone\":\"Europe/Vienna\"}", Map.of("If-Match", "\"999\""));
        assertThat(tenantChange.status()).isEqualTo(404);
        assertThat(tenantChange.body()).doesNotContain("currentRevision");
    }

    @Test
    void refusesMissingExpiredForgedAndUnsignedTokensWithAProblem() {
        String expired = TestTokens.token("eve", UUID.fromString(tenant), List.of("TENANT_ADMIN"), TestTokens.SECRET,
                Instant.now().minusSeconds(60));
        String forged = TestTokens.token("eve", UUID.fromString(tenant), List.of("PLATFORM_ADMIN"),
                "not-the-secret-not-the-secret-not-the-secret", Instant.now().plusSeconds(600));
        String unsigned = unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"sub\":\"eve\",\"roles\":[\"PLATFORM_ADMIN\"],"
                + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        List<String> violations = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String token : new String[]{null, expired, forged, unsigned}) {
                Http.Response response = call(endpoint, tenant, token);
                if (response.status() != 401 || !response.contentType().startsWith("application/problem+json")
                        || response.header("X-Correlation-Id") == null) {
                    violations.add(endpoint.method() + " " + endpoint.path() + " -> " + response.status());
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static Http.Response call(Endpoint endpoint, String tenantId, String token) {
        String path = endpoint.path().replace("{t}", tenantId).replace("{u}", unit).replace("{p}", position);
        String body = endpoint.body() == null ? (endpoint.method().equals("POST")
                ? Http.newTenant("m-" + UUID.randomUUID().toString().substring(0, 8), "FREE") : null)
                : endpoint.body().replace("{u}", unit).replace("{p}", position)
                        .formatted(UUID.randomUUID().toString().substring(0, 8));
        return (endpoint.query() ? queries : commands).send(endpoint.method(), path, token, body, endpoint.headers());
    }

    private static String activeTenant(String slug) {
        return activeTenant(slug, "ENTERPRISE");
    }

    private static String unsigned(String header, String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes()) + "." + b64.encodeToString(payload.getBytes()) + ".";
    }
}
