package dev.orgservice.local;

import dev.orgservice.platform.testing.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small answers leave in one write, with their length (OneWriteAnswers): a created resource, a read, a problem. A
 * large answer still arrives whole, in chunks.
 */
class OneWriteAnswersEndToEndTest extends RunningSystem {

    @Test
    void sendsSmallAnswersWithTheirLength() {
        Http.Response created = commands.post("/api/v1/tenants", ADMIN, Http.newTenant(newSlug("one-write"), "STANDARD"));
        assertOneWrite(created, 201);
        String tenant = created.json().get("tenantId").asText();
        assertOneWrite(queries.get("/api/v1/tenants/" + tenant + "?minPosition=" + created.position(), ADMIN), 200);
        assertOneWrite(commands.post("/api/v1/tenants", ADMIN, "{\"slug\":\"Not A Slug!\",\"name\":\"x\"}"), 400);
        assertOneWrite(queries.get("/api/v1/me", ADMIN), 200);
        assertThat(created.header("X-Content-Type-Options")).as("security headers still written").isEqualTo("nosniff");
    }

    @Test
    void sendsALargeAnswerWhole() {
        Http.Response apiDocs = queries.get("/v3/api-docs", ADMIN);
        assertThat(apiDocs.status()).isEqualTo(200);
        assertThat(apiDocs.body().length()).isGreaterThan(64 * 1024);
        assertThat(apiDocs.json().get("paths").size()).isPositive();
    }

    private static void assertOneWrite(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Length")).as("the answer's length, known when it was sent")
                .isEqualTo(String.valueOf(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(response.header("Transfer-Encoding")).isNull();
    }
}
