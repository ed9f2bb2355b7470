package dev.orgservice.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A cross-origin request from an origin that is not allowed is a 403 problem; an allowed one passes with its headers. */
class ProblemCorsProcessorTest {

    private final ObjectMapper json = new ObjectMapper();
    private final CorsConfiguration configuration = new CorsConfiguration();

    @Test
    void aRefusedOriginIsAForbiddenProblem() throws Exception {
        MockHttpServletResponse response = send("https://not-allowed.example");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("type").asText()).endsWith("/forbidden");
        assertThat(problem.get("detail").asText()).contains("ORG_CORS_ALLOWED_ORIGINS");
    }

    @Test
    void anAllowedOriginPasses() throws Exception {
        MockHttpServletResponse response = send("https://erp.example");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://erp.example");
    }

    private MockHttpServletResponse send(String origin) throws Exception {
        var filter = configuration.corsFilter(configuration.corsConfigurationSource("https://erp.example"), json);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.addHeader("Origin", origin);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
