package dev.orgservice.query.caller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallerApiTest extends QuerySideIntegrationTest {

    @Test
    void showsTheSubjectTenantAndRecognizedRolesOfTheToken() {
        UUID tenant = UUID.randomUUID();
        String token = TestTokens.token("vic", tenant, List.of("ORG_VIEWER", "COFFEE_MAKER", "AUDITOR"),
                TestTokens.SECRET, Instant.now().plusSeconds(600));

        Http.Response me = http.get("/api/v1/me", token);

        assertThat(me.status()).isEqualTo(200);
        JsonNode body = me.json();
        assertThat(body.get("userId").asText()).isEqualTo("vic");
        assertThat(body.get("tenantId").asText()).isEqualTo(tenant.toString());
        assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("ORG_VIEWER", "AUDITOR");
    }

    @Test
    void aPlatformOperatorIsBoundToNoTenant() {
        JsonNode me = http.get("/api/v1/me", TestTokens.platformAdmin()).json();

        assertThat(me.has("tenantId")).isFalse();
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("PLATFORM_ADMIN");
    }

    @Test
    void refusesACallerWithoutAValidTokenWithAProblem() {
        String forged = TestTokens.token("eve", UUID.randomUUID(), List.of("PLATFORM_ADMIN"),
                "not-the-secret-not-the-secret-not-the-secret", Instant.now().plusSeconds(600));

        for (String token : new String[]{null, forged}) {
            Http.Response me = http.get("/api/v1/me", token);
            assertThat(me.status()).isEqualTo(401);
            assertThat(me.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void refusesASignedTokenWithoutTheClaimsACallerNeedsAsInvalid() {
        List<Map<String, Object>> claimSets = List.of(
                Map.of("sub", "eve", "tenant_id", "null", "roles", List.of("ORG_EDITOR")),
                Map.of("sub", "eve", "tenant_id", "1-2-3-4-5", "roles", List.of("ORG_EDITOR")),
                Map.of("sub", "eve", "tenant_id", 42, "roles", List.of("ORG_EDITOR")),
                Map.of("tenant_id", UUID.randomUUID().toString(), "roles", List.of("ORG_VIEWER")));
        for (Map<String, Object> claims : claimSets) {
            for (String path : List.of("/api/v1/me", "/api/v1/tenants/null/units")) {
                Http.Response response = http.get(path, TestTokens.withClaims(claims));
                assertThat(response.status()).as(claims + " on " + path + ": " + response.body()).isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().get("type").asText()).endsWith("/unauthorized");
            }
        }
    }
}
