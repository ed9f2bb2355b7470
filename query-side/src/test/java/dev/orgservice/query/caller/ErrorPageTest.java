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

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors outside Spring MVC's handlers are problems too: an exception that escapes a servlet filter, and what Tomcat
 * refuses before any filter runs (sent over a raw socket, since HTTP clients refuse to send such requests).
 */
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

    @Test
    void answersWhatTomcatRefusesBeforeTheApplicationAsAProblem() throws Exception {
        String token = TestTokens.forTenant(UUID.randomUUID(), "vic", "ORG_VIEWER");
        for (String request : List.of(
                "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Change-Reason: a\u0001b\r\n",
                "GET /api/v1/tenants/" + UUID.randomUUID() + "/people/a%2Fb/management-chain HTTP/1.1\r\nHost: localhost\r\n",
                "GET /api/v1/tenants/%00 HTTP/1.1\r\nHost: localhost\r\n")) {
            String answer = raw(request + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(head).as(request).startsWith("http/1.1 400").contains("content-type: application/problem+json")
                    .contains("x-correlation-id: ");
            assertThat(body).as(request).contains("\"type\":\"https://errors.org-service.dev/validation\"")
                    .contains("\"status\":400").doesNotContain("<html");
        }
    }

    @Test
    void answersAUrlTheFirewallRefusesAsABadRequestNotAsAMissingToken() throws Exception {
        String token = TestTokens.forTenant(UUID.randomUUID(), "vic", "ORG_VIEWER");
        for (String path : List.of("/api/v1/tenants/by-slug/%2e%2e", "/api/v1/tenants/by-slug/..",
                "/api/v1/tenants/by-slug/a;b=c", "/api/v1/tenants/by-slug/a%25b", "/api/v1/tenants//by-slug/a")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nX-Correlation-Id: firewall-1\r\nConnection: close\r\n\r\n");
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(head).as(path).startsWith("http/1.1 400").contains("content-type: application/problem+json");
            assertThat(body).as(path).contains("\"type\":\"https://errors.org-service.dev/validation\"")
                    .contains("\"field\":\"url\"").contains("\"correlationId\":\"firewall-1\"")
                    .contains("\"instance\":\"" + path + "\"");
        }
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
