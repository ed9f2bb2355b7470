package dev.orgservice.query.caller;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-tenant and per-client rate limits apply to every authenticated /api/** call (docs/api.md, conventions):
 * a path that spells a letter of "api" percent-encoded reaches the same controller (Spring MVC matches decoded
 * segments, as do the tenant check and the other interceptors), but RateLimitFilter#shouldNotFilter tests the
 * raw request URI with startsWith("/api/"), so such calls are never counted: any client of any tenant gets an
 * unlimited rate on both services (the filter is platform code), past its tenant's plan and past the buckets that
 * keep one tenant from starving the others.
 */
@TestPropertySource(properties = {
        "org.rate-limits.enabled=true",
        "org.rate-limits.per-client.capacity=3", "org.rate-limits.per-client.refill-per-second=0.001",
        "org.rate-limits.default-plan.capacity=3", "org.rate-limits.default-plan.refill-per-second=0.001",
        "org.rate-limits.plans[STANDARD].capacity=3", "org.rate-limits.plans[STANDARD].refill-per-second=0.001",
        "org.rate-limits.plans[FREE].capacity=3", "org.rate-limits.plans[FREE].refill-per-second=0.001"})
class EncodedPathRateLimitTest extends QuerySideIntegrationTest {

    @Test
    void aPercentEncodedApiPathIsRateLimitedLikeThePlainOne() {
        TenantId tenant = newTenant("rl");
        String token = TestTokens.forTenant(tenant.value(), "flooder", "ORG_VIEWER");

        // the plain path: three calls, then 429 (checks the small limits are in force)
        List<Integer> plain = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            plain.add(http.get("/api/v1/me", token).status());
        }
        assertThat(plain).contains(429);

        // the same caller (same token), its buckets empty, through "/%61pi/...": "a" percent-encoded, which the
        // firewall lets through and Spring MVC matches as "/api/..."
        List<Http.Response> encoded = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            encoded.add(http.get("/%61pi/v1/tenants/" + tenant + "/features", token));
        }
        // it is the real endpoint: the caller's own tenant's features (or the limit's 429), not a 404
        assertThat(encoded.get(0).status()).as(encoded.get(0).body()).isIn(200, 429);
        assertThat(encoded).extracting(Http.Response::status).as("encoded /api path after the buckets ran dry")
                .containsOnly(429);
    }
}
