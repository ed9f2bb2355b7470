package dev.orgservice.query.caller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
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
}
