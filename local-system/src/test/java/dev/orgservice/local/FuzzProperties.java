package dev.orgservice.local;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bodies, path segments and query parameters thrown at every endpoint, with a valid token of the right
 * tenant: the answer is never a 5xx and never shows a stack trace, every error is a problem with a correlation id
 * (also what the web server refuses before the application runs), and whatever a command accepted, the read models
 * can take: every projection passes its position (a recorded event that a projection cannot store would stop that
 * projection for every tenant).
 */
class FuzzProperties extends RunningSystem {

    private static final List<String> COMMAND_ENDPOINTS = List.of(
            "POST /api/v1/tenants", "POST /api/v1/tenants/{t}/activate", "POST /api/v1/tenants/{t}/suspend",
            "PATCH /api/v1/tenants/{t}/configuration", "PUT /api/v1/tenants/{t}/features/{x}",
            "DELETE /api/v1/tenants/{t}/features/{x}", "PUT /api/v1/tenants/{t}/subscription",
            "POST /api/v1/tenants/{t}/units", "POST /api/v1/tenants/{t}/units/import", "PATCH /api/v1/tenants/{t}/units/{x}",
            "POST /api/v1/tenants/{t}/units/{x}/move", "POST /api/v1/tenants/{t}/units/{x}/close",
            "POST /api/v1/tenants/{t}/positions", "POST /api/v1/tenants/{t}/positions/import",
            "PUT /api/v1/tenants/{t}/positions/{x}/holder", "DELETE /api/v1/tenants/{t}/positions/{x}/holder",
            "PUT /api/v1/tenants/{t}/positions/{x}/approval-authority/{x}", "PUT /api/v1/tenants/{t}/approval-policies/{x}",
            "POST /api/v1/tenants/{t}/delegations", "DELETE /api/v1/tenants/{t}/delegations/{x}",
            "POST /api/v1/tenants/{t}/reactivate", "POST /api/v1/tenants/{t}/units/{x}/reopen",
            "PATCH /api/v1/tenants/{t}/positions/{x}", "POST /api/v1/tenants/{t}/positions/{x}/move",
            "POST /api/v1/tenants/{t}/positions/{x}/close", "PUT /api/v1/tenants/{t}/positions/{x}/reporting-lines",
            "PUT /api/v1/tenants/{t}/positions/{x}/manager-role",
            "DELETE /api/v1/tenants/{t}/positions/{x}/approval-authority/{x}",
            "POST /api/v1/tenants/{t}/approval-authorities/import");
    private static final List<String> QUERY_ENDPOINTS = List.of(
            "GET /api/v1/me", "GET /api/v1/tenants", "GET /api/v1/tenants/{t}", "GET /api/v1/tenants/by-slug/{x}",
            "GET /api/v1/tenants/{t}/features/{x}", "GET /api/v1/tenants/{t}/units", "GET /api/v1/tenants/{t}/units/{x}",
            "GET /api/v1/tenants/{t}/units/{x}/subtree", "GET /api/v1/tenants/{t}/units/{x}/ancestors",
            "GET /api/v1/tenants/{t}/positions/{x}/reports", "GET /api/v1/tenants/{t}/people/{x}/management-chain",
            "GET /api/v1/tenants/{t}/approval-chain", "GET /api/v1/tenants/{t}/delegations",
            "GET /api/v1/tenants/{t}/approval-policies/{x}", "GET /api/v1/tenants/{t}/positions/{x}/approval-authorities",
            "GET /api/v1/tenants/{t}/features", "GET /api/v1/tenants/{t}/units/{x}/children",
            "GET /api/v1/tenants/{t}/positions/{x}", "GET /api/v1/tenants/{t}/positions/{x}/dotted-line-reports",
            "GET /api/v1/tenants/{t}/units/{x}/positions", "GET /api/v1/tenants/{t}/units/{x}/manager",
            "GET /api/v1/tenants/{t}/people/{x}/positions", "GET /api/v1/tenants/{t}/delegations/{x}");
    private static final List<String> PARAMETERS = List.of("asOf", "minPosition", "page", "size", "depth", "type",
            "status", "q", "after", "indirect", "plan", "positionId");

    /** Times Java reads but a database may not store: a billion years either way, year 0, nanoseconds at the edge. */
    private static final String[] EXTREME_TIMES = {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z", "0000-01-01", "+275760-09-13T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "0001-01-01"};

    private static String tenant;
    private static String admin;

    @BeforeContainer
    static void aTenant() {
        tenant = commands.post("/api/v1/tenants", ADMIN, Http.newTenant("fz-" + UUID.randomUUID().toString()
                .substring(0, 8), "ENTERPRISE")).json().get("tenantId").asText();
        commands.post("/api/v1/tenants/" + tenant + "/activate", ADMIN, "{}");
        admin = TestTokens.forTenant(UUID.fromString(tenant), "fuzz", "TENANT_ADMIN");
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.oneOf(Arbitraries.just(UUID.randomUUID().toString()), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("%:/.-_'\"<>{}[]\\ ").ofMaxLength(12),
                Arbitraries.of("advanced-approvals", "-1", "9999999999999999999999", "null", "..", "%00"),
                Arbitraries.of(EXTREME_TIMES));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> scalars = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30).map(s -> "\"" + escape(s) + "\""),
                Arbitraries.integers().map(String::valueOf), Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e999", "-0", "\"2026-13-45\"", "\"\"", "[]", "{}", "1e18"),
                Arbitraries.of(EXTREME_TIMES).map(time -> "\"" + time + "\""));
        Arbitrary<String> fields = Arbitraries.of("slug", "name", "plan", "type", "code", "parentId", "parentCode",
                "effectiveFrom", "newParentId", "enabled", "status", "seats", "settings", "unitId", "title", "manager",
                "personId", "from", "to", "reason", "country", "currency", "timezone", "locale", "dataRetentionDays",
                "billingCycle", "trialEndsAt", "geo", "address", "costCenterId", "reportsToPositionId", "x",
                "dottedLineToPositionIds", "amount", "purpose");
        Arbitrary<String> objects = Arbitraries.maps(fields, scalars).ofMaxSize(8).map(map -> {
            StringBuilder json = new StringBuilder("{");
            map.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return json.append('}').toString();
        });
        return Arbitraries.oneOf(objects, objects.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"), scalars,
                Arbitraries.strings().ofMaxLength(60), Arbitraries.of("{", "{\"slug\":", "[{}", "\u0000", ""));
    }

    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    void noEndpointAnswersWithAServerErrorOrAStackTrace(@ForAll("segments") String segment,
                                                        @ForAll("bodies") String body,
                                                        @ForAll("segments") String parameterValue) {
        int pick = Math.floorMod((segment + body).hashCode(), COMMAND_ENDPOINTS.size() + QUERY_ENDPOINTS.size());
        boolean query = pick >= COMMAND_ENDPOINTS.size();
        String endpoint = query ? QUERY_ENDPOINTS.get(pick - COMMAND_ENDPOINTS.size()) : COMMAND_ENDPOINTS.get(pick);
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{t}", tenant)
                .replace("{x}", URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        // a parameter on every other request only: one the endpoint does not take is refused before the handler
        // runs, and the bodies are meant to reach the handlers and the aggregates
        if (Math.floorMod(parameterValue.hashCode(), 2) == 0) {
            String parameter = PARAMETERS.get(Math.floorMod(parameterValue.hashCode() / 2, PARAMETERS.size()));
            path += "?" + parameter + "=" + URLEncoder.encode(parameterValue, StandardCharsets.UTF_8);
            if (parameter.equals("minPosition")) {
                path = path.replaceAll("minPosition=[^&]*", "minPosition=0");
            }
        }
        String token = method.equals("GET") || path.contains("/subscription") || path.endsWith("activate")
                ? ADMIN : admin;
        Http.Response response = (query ? queries : commands).send(method, path, token,
                method.equals("GET") || method.equals("DELETE") ? null : body, Map.of());

        assertThat(response.status()).as("%s %s with %s -> %s", method, path, body, response.body()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.springframework", "java.lang");
        if (response.status() >= 400) {
            assertThat(response.contentType()).as("%s %s with %s -> %s", method, path, body, response.body())
                    .startsWith("application/problem+json");
            assertThat(response.header("X-Correlation-Id")).as("%s %s", method, path).isNotBlank();
        }
        if (!query && response.status() < 300 && response.json().has("position")) {
            Http.Response caughtUp = queries.get("/api/v1/tenants/" + tenant + "?minPosition=" + response.position(), ADMIN);
            assertThat(caughtUp.status()).as("the read models took what %s %s with %s recorded: %s", method, path, body,
                    caughtUp.body()).isEqualTo(200);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", "");
    }
}
