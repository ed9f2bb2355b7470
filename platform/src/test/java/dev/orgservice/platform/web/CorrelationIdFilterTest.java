package dev.orgservice.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure that escapes the filters after the correlation filter (a rate limit's plan lookup, a decoder) is
 * answered as a problem with the request's correlation id: 503 with Retry-After when the database did not answer
 * in time, else 500, without a trace of the exception.
 */
class CorrelationIdFilterTest {

    /** As Spring Boot builds the application's mapper: a problem's properties are fields of its own. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void aFailureInALaterFilterIsAProblemWithTheCorrelationId() throws Exception {
        MockHttpServletResponse response = run((request, answer) -> {
            throw new IllegalStateException("boom in a filter");
        });

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("type").asText()).endsWith("/internal");
        assertThat(problem.get("correlationId").asText()).isEqualTo("corr-1");
        assertThat(response.getContentAsString()).doesNotContain("boom", "Exception");
        assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("corr-1");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aDatabaseThatDidNotAnswerInTimeIsUnavailable() throws Exception {
        MockHttpServletResponse response = run((request, answer) -> {
            throw new QueryTimeoutException("canceling statement due to statement timeout");
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(json.readTree(response.getContentAsString()).get("type").asText()).endsWith("/unavailable");
    }

    @Test
    void anIdentityProviderThatCannotBeReachedIsUnavailable() throws Exception {
        MockHttpServletResponse response = run((request, answer) -> {
            throw new JwtDecoderInitializationException("Failed to lazily resolve the supplied JwtDecoder instance",
                    new IllegalArgumentException("Unable to resolve the Configuration with the provided Issuer"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    }

    private MockHttpServletResponse run(FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tenants");
        request.addHeader("X-Correlation-Id", "corr-1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new CorrelationIdFilter(json).doFilter(request, response, chain);
        return response;
    }
}
