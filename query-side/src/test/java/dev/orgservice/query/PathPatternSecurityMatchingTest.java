package dev.orgservice.query;

import dev.orgservice.platform.testing.TestTokens;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.FilterChainProxy;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's URL rules match plain path patterns, and no handler lookup runs in front of its chain
 * (platform {@code PathPatternSecurityMatching}); the rules still let exactly the public paths through.
 */
class PathPatternSecurityMatchingTest extends QuerySideIntegrationTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    private Filter securityFilterChain;

    @Test
    void theSecurityChainRunsWithoutAHandlerLookupInFrontOfIt() {
        // Security's MVC support would have made it WebMvcSecurityConfiguration's composite of the lookup cache and
        // the chain
        assertThat(securityFilterChain).isInstanceOf(FilterChainProxy.class);
        assertThat(securityFilterChain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void letsThePublicPathsThroughWithoutAToken() {
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/info", null).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void asksForATokenEverywhereElse() {
        UUID tenant = newTenant("matching").value();
        assertThat(http.get("/api/v1/tenants/" + tenant + "/units", null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/info/", null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/infox", null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/env", null).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/tenants/" + tenant + "/units", TestTokens.forTenant(tenant, "u-1", "ORG_VIEWER"))
                .status()).isEqualTo(200);
    }
}
