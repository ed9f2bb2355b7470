package dev.orgservice.platform.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's plan that cannot be read (the database busy) does not fail the request: the default limits apply. */
class PlanLookupFailureTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRequestPassesWithTheDefaultLimitsWhenThePlanCannotBeRead() throws Exception {
        UUID tenant = UUID.randomUUID();
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "HS256").subject("alice")
                .claims(claims -> claims.putAll(Map.of("tenant_id", tenant.toString())))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        RateLimitProperties limits = new RateLimitProperties(true, new RateLimitProperties.Limit(100, 10),
                new RateLimitProperties.Limit(7, 1), Map.of());
        RateLimitFilter filter = new RateLimitFilter(limits, id -> {
            throw new QueryTimeoutException("canceling statement due to statement timeout");
        }, new ObjectMapper());

        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/tenants/" + tenant + "/units"), response, chain);

        assertThat(chain.getRequest()).as("passed on").isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("7");
    }
}
