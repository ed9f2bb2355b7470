package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.command.CommandSideApplication;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits, size limits, security headers, errors of the web layer and the operational endpoints. */
class ProtectionEndToEndTest extends RunningSystem {

    private static ConfigurableApplicationContext limited;
    private static Http limitedCommands;

    @BeforeAll
    static void aCommandSideWithSmallLimits() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().properties());
        properties.put("ORG_COMMAND_PORT", "0");
        properties.put("ORG_RATE_LIMITS_ENABLED", "true");
        properties.put("ORG_MAX_BODY_BYTES", "2048");
        // arguments, because they must win over the plan table of platform.yml
        limited = CommandSideApplication.builder().properties(properties)
                .run("--org.rate-limits.plans[FREE].capacity=5", "--org.rate-limits.plans[FREE].refill-per-second=1",
                        "--org.rate-limits.per-client.capacity=6", "--org.rate-limits.per-client.refill-per-second=1",
                        "--server.shutdown=immediate");
        limitedCommands = Http.onPort(Integer.parseInt(limited.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stopIt() {
        limited.close();
    }

    @Test
    void limitsATenantToItsPlansRateWithRetryAfterAndLeavesOtherTenantsAlone() {
        String free = activeTenant("FREE");
        String busy = TestTokens.forTenant(UUID.fromString(free), "busy", "TENANT_ADMIN");
        List<Http.Response> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(limitedCommands.patch("/api/v1/tenants/" + free + "/configuration", busy,
                    "{\"name\":\"burst " + i + "\"}"));
        }
        assertThat(responses).extracting(Http.Response::status).contains(200, 429);
        Http.Response limitedResponse = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limitedResponse.contentType()).startsWith("application/problem+json");
        assertThat(limitedResponse.json().get("type").asText()).endsWith("/rate-limited");
        assertThat(Integer.parseInt(limitedResponse.header("Retry-After"))).isPositive();
        assertThat(limitedResponse.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(limitedResponse.header("RateLimit-Remaining")).isEqualTo("0");

        String calm = activeTenant("FREE");
        assertThat(limitedCommands.patch("/api/v1/tenants/" + calm + "/configuration",
                TestTokens.forTenant(UUID.fromString(calm), "calm", "TENANT_ADMIN"), "{\"name\":\"calm\"}").status())
                .isEqualTo(200);
    }

    @Test
    void limitsAClientOfOneTenantWithoutSpendingTheSameSubjectOfAnother() {
        // two tenants whose identity providers both issue the subject "erp-sync"
        String one = activeTenant("ENTERPRISE");
        String two = activeTenant("ENTERPRISE");
        String syncOfOne = TestTokens.forTenant(UUID.fromString(one), "erp-sync", "TENANT_ADMIN");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            statuses.add(limitedCommands.patch("/api/v1/tenants/" + one + "/configuration", syncOfOne,
                    "{\"name\":\"sync " + i + "\"}").status());
        }
        assertThat(statuses).contains(200, 429);
        assertThat(limitedCommands.patch("/api/v1/tenants/" + two + "/configuration",
                TestTokens.forTenant(UUID.fromString(two), "erp-sync", "TENANT_ADMIN"), "{\"name\":\"sync\"}").status())
                .isEqualTo(200);
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        String tenant = activeTenant("ENTERPRISE");
        Http.Response response = limitedCommands.patch("/api/v1/tenants/" + tenant + "/configuration", ADMIN,
                "{\"name\":\"" + "x".repeat(5000) + "\"}");
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asText()).endsWith("/payload-too-large");
        assertSecurityHeaders(response);
        Http.Response notAnImport = limitedCommands.put("/api/v1/tenants/" + tenant + "/features/import", ADMIN,
                "{\"enabled\":true,\"x\":\"" + "x".repeat(5000) + "\"}");
        assertThat(notAnImport.status()).as("only an import's POST takes the larger bodies").isEqualTo(413);
    }

    @Test
    void refusesAMethodTheFirewallDoesNotKnowWith405AndAURLWith400() {
        Http.Response propfind = queries.send("PROPFIND", "/api/v1/me", ADMIN, null, Map.of());
        expectProblem(propfind, 405, "method-not-allowed");
        assertSecurityHeaders(propfind);
        Http.Response dotted = queries.get("/api/v1/tenants/%2e%2e/units", ADMIN);
        expectProblem(dotted, 400, "validation");
        assertSecurityHeaders(dotted);
    }

    private static void assertSecurityHeaders(Http.Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    @Test
    void refusesAnOversizedChunkedBodyWith413AndTakesASmallOne() {
        String tenant = activeTenant("ENTERPRISE");
        Http.Response large = limitedCommands.sendChunked("PATCH", "/api/v1/tenants/" + tenant + "/configuration",
                ADMIN, "{\"name\":\"" + "x".repeat(50_000) + "\"}");
        assertThat(large.status()).as(large.body()).isEqualTo(413);
        assertThat(large.json().get("type").asText()).endsWith("/payload-too-large");
        assertThat(limitedCommands.sendChunked("PATCH", "/api/v1/tenants/" + tenant + "/configuration", ADMIN,
                "{\"name\":\"small\"}").status()).isEqualTo(200);
    }

    @Test
    void refusesTextTheDatabaseCannotStoreNamingTheField() {
        String tenant = activeTenant("ENTERPRISE");
        String config = "/api/v1/tenants/" + tenant + "/configuration";
        JsonNode nul = expectProblem(commands.patch(config, ADMIN, "{\"name\":\"Acme\\u0000\"}"), 400, "validation");
        assertThat(nul.get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(nul.get("errors").get(0).get("message").asText()).contains("NUL");
        JsonNode key = expectProblem(commands.patch(config, ADMIN, "{\"settings\":{\"a\\u0000\":\"b\"}}"), 400,
                "validation");
        assertThat(key.get("errors").get(0).get("field").asText()).startsWith("settings");
        expectProblem(commands.patch(config, ADMIN, "{\"settings\":{\"a\":\"\\ud800\"}}"), 400, "validation");
        JsonNode inList = expectProblem(commands.post("/api/v1/tenants/" + tenant + "/delegations", ADMIN,
                "{\"delegatorId\":\"a\",\"delegateId\":\"b\",\"purposes\":[\"INVOICE\",\"X\\u0000\"],"
                        + "\"validFrom\":\"2030-01-01\",\"validTo\":\"2030-01-08\"}"), 400, "validation");
        assertThat(inList.get("errors").get(0).get("field").asText()).isEqualTo("purposes[1]");
        assertThat(inList.get("errors").get(0).get("message").asText()).as("refused as it is read").contains("NUL");
        assertThat(commands.patch(config, ADMIN, "{\"name\":\"Acme \\ud83d\\ude00\"}").status())
                .as("a character outside the BMP is a whole surrogate pair").isEqualTo(200);
    }

    @Test
    void answersWebLayerErrorsAsProblems() {
        String tenant = activeTenant("ENTERPRISE");
        assertThat(expectProblem(commands.get("/api/v1/no-such-route", ADMIN), 404, "not-found").get("detail").asText())
                .isEqualTo("There is no endpoint at this path");
        assertThat(expectProblem(commands.send("DELETE", "/api/v1/tenants", ADMIN, null, Map.of()), 405,
                "method-not-allowed").get("detail").asText()).as("says which method").contains("DELETE");
        assertThat(expectProblem(commands.send("PATCH", "/api/v1/tenants/" + tenant + "/configuration", ADMIN, "name=x",
                Map.of("Content-Type", "text/plain")), 415, "unsupported-media-type").get("detail").asText())
                .as("says which media type").contains("text/plain");
        assertThat(expectProblem(queries.get("/api/v1/tenants/" + tenant + "/approval-chain?requesterId=a&amount=1"
                + "&currency=EUR", ADMIN), 400, "validation").get("errors").get(0).get("field").asText())
                .as("names the missing parameter").isEqualTo("purpose");
        assertThat(expectProblem(queries.get("/api/v1/tenants/" + tenant + "/units?asof=2020-01-01", ADMIN), 400,
                "validation").get("errors").get(0).get("field").asText())
                .as("a misspelt asOf is refused, not answered as of now").isEqualTo("asof");
        assertThat(expectProblem(commands.post("/api/v1/tenants/" + tenant + "/units/import?effectivefrom=2099-01-01",
                ADMIN, "[]"), 400, "validation").get("errors").get(0).get("field").asText()).isEqualTo("effectivefrom");
        assertThat(queries.get("/api/v1/tenants/" + tenant + "/units?asOf=2020-01-01&minPosition=0&size=1", ADMIN)
                .status()).as("the parameters it has").isEqualTo(200);
        expectProblem(queries.get("/api/v1/tenants/" + tenant + "/units?page=minus-one", ADMIN), 400, "validation");
        assertThat(expectProblem(queries.get("/api/v1/tenants/" + tenant + "/units?q=a%00b", ADMIN), 400, "validation")
                .get("errors").get(0).get("field").asText()).as("a NUL in a search term").isEqualTo("q");
        expectProblem(queries.get("/api/v1/tenants?plan=FREE%00", ADMIN), 400, "validation");
        expectProblem(queries.get("/api/v1/tenants/" + tenant + "/units?asOf=yesterday", ADMIN), 400, "validation");
        expectProblem(queries.get("/api/v1/tenants/" + tenant + "/units/not-a-uuid", ADMIN), 400, "validation");
    }

    @Test
    void sendsSecurityHeadersAndNoCorsUnlessConfigured() {
        Http.Response response = queries.send("GET", "/api/v1/tenants", ADMIN, null, Map.of("Origin", "https://evil.example"));
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Strict-Transport-Security")).as("HSTS only behind TLS").isNull();
    }

    @Test
    void answersARefusedCrossOriginRequestAsAProblemWhereCorsIsConfigured() {
        String tenant = activeTenant("ENTERPRISE");
        String suspend = "/api/v1/tenants/" + tenant + "/suspend";
        Http.Response refused = commands.send("POST", suspend, ADMIN, "{\"reason\":\"cors\"}",
                Map.of("Origin", "https://evil.example"));
        expectProblem(refused, 403, "forbidden");
        assertThat(refused.header("X-Correlation-Id")).isNotBlank();
        Http.Response allowed = commands.send("POST", suspend, ADMIN, "{\"reason\":\"cors\"}",
                Map.of("Origin", ALLOWED_ORIGIN));
        assertThat(allowed.status()).as("the refused request suspended nothing: " + allowed.body()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
    }

    @Test
    void letsABrowserSendAnIdempotencyKeyAndReadWhetherItsCreateWasReplayed() {
        String tenant = activeTenant("ENTERPRISE");
        Http.Response preflight = commands.send("OPTIONS", "/api/v1/tenants/" + tenant + "/positions", null, null,
                Map.of("Origin", ALLOWED_ORIGIN, "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));
        assertThat(preflight.status()).as(preflight.body()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("idempotency-key");
        Http.Response created = commands.send("POST", "/api/v1/tenants/" + tenant + "/units", ADMIN,
                "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT\",\"name\":\"Root\",\"country\":\"DE\","
                        + "\"currency\":\"EUR\"}", Map.of("Origin", ALLOWED_ORIGIN, "Idempotency-Key", "cors-1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Access-Control-Expose-Headers")).contains("Idempotent-Replayed");
    }

    @Test
    void exposesHealthProbesAndCommandMetrics() {
        activeTenant("FREE");
        assertThat(commands.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        Http.Response readiness = queries.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        String metrics = commands.send("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain")).body();
        assertThat(metrics).contains("org_commands_seconds_count{", "command=\"ActivateTenantCommand\"",
                "outcome=\"accepted\"", "eventStore_");
        // no Axon monitors inside a command: org_commands measures it (AxonConfiguration)
        assertThat(metrics).doesNotContain("commandBus_", "processorName=\"tenant-registry\"");
        assertThat(queries.get("/v3/api-docs", null).body()).contains("bearer-jwt", "Problem");
    }

    @Test
    void countsACommandRefusedAtItsCommitAsRejected() {
        String slug = newSlug("dup");
        assertThat(commands.post("/api/v1/tenants", ADMIN, Http.newTenant(slug, "FREE")).status()).isEqualTo(201);
        double before = commandCount("CreateTenantCommand", "rejected");
        // the registry finds the slug taken when the unit of work commits, after the handler returned
        Http.Response again = commands.post("/api/v1/tenants", ADMIN, Http.newTenant(slug, "FREE"));
        expectProblem(again, 409, "duplicate");
        assertThat(commandCount("CreateTenantCommand", "rejected")).isEqualTo(before + 1);
    }

    /** The {@code org_commands_seconds_count} of the command type and outcome (0 before the first). */
    private static double commandCount(String command, String outcome) {
        String metrics = commands.send("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain")).body();
        return metrics.lines().filter(line -> line.startsWith("org_commands_seconds_count{")
                        && line.contains("command=\"" + command + "\"") && line.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static JsonNode expectProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/" + type);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        return response.json();
    }

    private static String activeTenant(String plan) {
        return activeTenant(newSlug("pr"), plan);
    }
}
