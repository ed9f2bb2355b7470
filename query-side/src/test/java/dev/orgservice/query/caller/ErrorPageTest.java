package dev.orgservice.query.caller;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An exception that escapes a servlet filter, outside Spring MVC's handlers, is still answered as a problem. */
@Import(ErrorPageTest.FailingFilter.class)
class ErrorPageTest extends QuerySideIntegrationTest {

    @TestConfiguration
    static class FailingFilter {

        @Bean
        FilterRegistrationBean<Filter> failing() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                throw new IllegalStateException("a filter failed: secret internals");
            });
            registration.addUrlPatterns("/api/v1/test-only/fail");
            return registration;
        }
    }

    @Test
    void answersAnExceptionInAFilterAsAnInternalProblemWithItsCorrelationId() {
        Http.Response response = http.send("GET", "/api/v1/test-only/fail",
                TestTokens.forTenant(UUID.randomUUID(), "vic", "ORG_VIEWER"), null,
                Map.of("X-Correlation-Id", "error-page-1"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/internal");
        assertThat(response.json().get("instance").asText()).isEqualTo("/api/v1/test-only/fail");
        assertThat(response.json().get("correlationId").asText()).isEqualTo("error-page-1");
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("Exception");
    }
}
