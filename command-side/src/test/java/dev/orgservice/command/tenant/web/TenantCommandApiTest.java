package dev.orgservice.command.tenant.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TenantCommandApiTest extends CommandSideIntegrationTest {

    private static final String ADMIN = TestTokens.platformAdmin();

    @Test
    void createsATenantAndAnswersItsIdAndEventStorePosition() throws Exception {
        Http.Response created = http.send("POST", "/api/v1/tenants", ADMIN, Http.newTenant(uniqueSlug("acme"), "STANDARD"),
                Map.of("X-Correlation-Id", "corr-create-1", "X-Change-Reason", "new customer"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Correlation-Id")).isEqualTo("corr-create-1");
        String tenantId = created.json().get("tenantId").asText();
        assertThat(created.header("Location")).endsWith("/api/v1/tenants/" + tenantId);
        assertThat(storedEvent(created.position())).containsEntry("aggregate_identifier", tenantId)
                .containsEntry("payload_type", "dev.orgservice.api.tenant.TenantCreatedEvent")
                .containsEntry("payload_revision", "1");
    }

    @Test
    void recordsUserTenantCorrelationIdAndReasonInTheEventMetadata() throws Exception {
        String tenantId = createTenant("STANDARD");
        Http.Response suspended = http.send("POST", "/api/v1/tenants/" + tenantId + "/activate", ADMIN, "{}",
                Map.of("X-Correlation-Id", "corr-activate-7", "X-Change-Reason", "contract signed"));

        JsonNode metadata = new ObjectMapper().readTree(storedEvent(suspended.position()).get("meta_data"));
        assertThat(metadata.get("userId").asText()).isEqualTo("platform-op");
        assertThat(metadata.get("tenantId").asText()).isEqualTo(tenantId);
        assertThat(metadata.get("correlationId").asText()).isEqualTo("corr-activate-7");
        assertThat(metadata.get("reason").asText()).isEqualTo("contract signed");
    }

    @Test
    void keepsAReasonSentInUtf8OrInIso88591AsItWasWritten() throws Exception {
        String tenantId = createTenant("STANDARD");
        String reason = "Umzug nach München, Größe geändert";
        // header text travels as bytes: UTF-8 from curl and browsers, ISO-8859-1 from clients of the older specs
        long activated = postWithReasonBytes("/api/v1/tenants/" + tenantId + "/activate",
                reason.getBytes(StandardCharsets.UTF_8));
        long suspended = http.post("/api/v1/tenants/" + tenantId + "/suspend", ADMIN,
                "{\"reason\":\"" + reason + "\"}").position();
        long reactivated = postWithReasonBytes("/api/v1/tenants/" + tenantId + "/reactivate",
                reason.getBytes(StandardCharsets.ISO_8859_1));

        for (long position : List.of(activated, suspended, reactivated)) {
            JsonNode metadata = new ObjectMapper().readTree(storedEvent(position).get("meta_data"));
            assertThat(metadata.get("reason").asText()).as("event at %d", position).isEqualTo(reason);
        }
        String controlCharacter = send("/api/v1/tenants/" + tenantId + "/reactivate", new byte[]{'a', (byte) 0x85, 'b'});
        assertThat(controlCharacter).as("a C1 control character, not UTF-8").startsWith("HTTP/1.1 400")
                .contains("application/problem+json").contains("/validation");
    }

    @Test
    void refusesAnInvalidSlugWithTheFieldNamed() {
        Http.Response response = http.post("/api/v1/tenants", ADMIN, Http.newTenant("Not A Slug!", "STANDARD"));

        assertProblem(response, 400, "validation");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("slug");
    }

    @Test
    void refusesMissingFieldsAndUnknownPlansAsValidationProblems() {
        Http.Response missing = http.post("/api/v1/tenants", ADMIN, "{\"slug\":\"abc-def\"}");
        assertProblem(missing, 400, "validation");
        assertThat(missing.json().get("errors").findValuesAsText("field"))
                .contains("name", "country", "locale", "timezone", "currency", "plan", "adminEmail");

        Http.Response unknownPlan = http.post("/api/v1/tenants", ADMIN, Http.newTenant(uniqueSlug("plan"), "GOLD"));
        assertProblem(unknownPlan, 400, "validation");
        assertThat(unknownPlan.json().get("errors").findValuesAsText("field")).contains("plan");
    }

    @Test
    void answersMalformedJsonAndWrongTypesWithAProblemNotAServerError() {
        assertProblem(http.post("/api/v1/tenants", ADMIN, "{\"slug\": \"broken"), 400, "validation");
        Http.Response badEnum = http.put("/api/v1/tenants/" + createTenant("FREE") + "/subscription", ADMIN,
                "{\"plan\":\"FREE\",\"status\":\"SOMETIMES\"}");
        assertProblem(badEnum, 400, "validation");
        assertThat(badEnum.json().get("errors").findValuesAsText("field")).contains("status");
        assertProblem(http.post("/api/v1/tenants/not-a-uuid/activate", ADMIN, "{}"), 404, "not-found");
    }

    @Test
    void refusesACurrencyWithdrawnFromIso4217() {
        Http.Response marks = http.post("/api/v1/tenants", ADMIN,
                Http.newTenant(uniqueSlug("dem"), "FREE").replace("\"EUR\"", "\"DEM\""));

        assertProblem(marks, 400, "validation");
        assertThat(marks.json().get("errors").findValuesAsText("field")).containsExactly("currency");
    }

    @Test
    void refusesASecondTenantWithTheSameSlug() {
        String slug = uniqueSlug("dup");
        assertThat(http.post("/api/v1/tenants", ADMIN, Http.newTenant(slug, "FREE")).status()).isEqualTo(201);

        Http.Response second = http.post("/api/v1/tenants", ADMIN, Http.newTenant(slug, "FREE"));

        assertProblem(second, 409, "duplicate");
    }

    @Test
    void letsExactlyOneOfManyConcurrentCreatesWithOneSlugWin() throws Exception {
        String slug = uniqueSlug("race");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creates.add(() -> http.post("/api/v1/tenants", ADMIN, Http.newTenant(slug, "FREE")).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : clients.invokeAll(creates)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(count("select count(*) from event_store.tenant_registry where slug = ?", slug)).isEqualTo(1);
    }

    @Test
    void answersARepeatedCreateWithTheSameIdIdempotently() {
        UUID tenantId = UUID.randomUUID();
        String slug = uniqueSlug("idem");
        String body = Http.newTenant(slug, "FREE").replace("{", "{\"tenantId\":\"" + tenantId + "\",");

        Http.Response first = http.post("/api/v1/tenants", ADMIN, body);
        Http.Response retry = http.post("/api/v1/tenants", ADMIN, body);
        Http.Response otherSlug = http.post("/api/v1/tenants", ADMIN, body.replace(slug, slug + "-x"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("tenantId").asText()).isEqualTo(tenantId.toString());
        assertThat(retry.position()).isGreaterThanOrEqualTo(first.position());
        assertProblem(otherSlug, 409, "conflict");
    }

    @Test
    void refusesTheNilUuidAsAClientChosenTenantId() {
        String body = Http.newTenant(uniqueSlug("nil"), "FREE")
                .replace("{", "{\"tenantId\":\"00000000-0000-0000-0000-000000000000\",");
        Http.Response nil = http.post("/api/v1/tenants", ADMIN, body);
        assertProblem(nil, 400, "validation");
        assertThat(nil.json().get("errors").get(0).get("message").asText()).contains("nil UUID");
    }

    @Test
    void reportsAnIllegalTransitionWithTheCurrentStatus() {
        String tenantId = createTenant("FREE");

        Http.Response reactivate = http.post("/api/v1/tenants/" + tenantId + "/reactivate", ADMIN, "{}");

        assertProblem(reactivate, 409, "illegal-transition");
        assertThat(reactivate.json().get("currentStatus").asText()).isEqualTo("PROVISIONING");
    }

    @Test
    void answersNotFoundForATenantThatDoesNotExist() {
        assertProblem(http.post("/api/v1/tenants/" + UUID.randomUUID() + "/activate", ADMIN, "{}"), 404, "not-found");
    }

    @Test
    void requiresAReasonToSuspend() {
        String tenantId = activeTenant("FREE");
        assertProblem(http.post("/api/v1/tenants/" + tenantId + "/suspend", ADMIN, "{}"), 400, "validation");
    }

    @Test
    void letsATenantAdminConfigureItsTenantWithinTheRules() {
        String tenantId = activeTenant("STANDARD");
        String admin = TestTokens.forTenant(UUID.fromString(tenantId), "alice", "TENANT_ADMIN");

        assertThat(http.patch("/api/v1/tenants/" + tenantId + "/configuration", admin,
                "{\"timezone\":\"Europe/Vienna\",\"settings\":{\"ui.theme\":\"dark\"}}").status()).isEqualTo(200);
        assertProblem(http.patch("/api/v1/tenants/" + tenantId + "/configuration", admin,
                "{\"dataRetentionDays\":10}"), 400, "validation");
        assertProblem(http.patch("/api/v1/tenants/" + tenantId + "/configuration", admin,
                "{\"settings\":{\"Bad Key\":\"x\"}}"), 400, "validation");
        assertProblem(http.patch("/api/v1/tenants/" + tenantId + "/configuration", admin,
                "{\"timezone\":\"Mars/Olympus\"}"), 400, "validation");
        assertProblem(http.patch("/api/v1/tenants/" + tenantId + "/configuration", admin,
                "{\"locale\":\"de-DE-x-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd\"}"), 400, "validation");
        assertProblem(http.patch("/api/v1/tenants/" + tenantId + "/configuration", admin,
                "{\"name\":\"\\u00a0\\u3000\"}"), 400, "validation");
        assertThat(http.patch("/api/v1/tenants/" + tenantId + "/configuration", admin,
                "{\"name\":\"Acme\\nGroup\"}").status()).as("two lines, as a create takes them").isEqualTo(200);
        assertProblem(http.post("/api/v1/tenants", ADMIN, Http.newTenant("nbsp-" + UUID.randomUUID().toString()
                .substring(0, 8), "FREE").replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"\\\\u00a0\"")), 400,
                "validation");
    }

    @Test
    void letsATenantAdminSwitchOnlyEntitledFeaturesWhileAPlatformAdminMayOverrideAny() {
        String tenantId = activeTenant("FREE");
        String admin = TestTokens.forTenant(UUID.fromString(tenantId), "alice", "TENANT_ADMIN");
        String path = "/api/v1/tenants/" + tenantId + "/features/advanced-approvals";

        assertProblem(http.put(path, admin, "{\"enabled\":true}"), 403, "forbidden");
        String boundPlatformAdmin = TestTokens.forTenant(UUID.fromString(tenantId), "eve", "PLATFORM_ADMIN");
        assertProblem(http.put(path, boundPlatformAdmin, "{\"enabled\":true}"), 403, "forbidden");
        assertThat(http.put(path, ADMIN, "{\"enabled\":true}").status()).isEqualTo(200);
        assertProblem(http.put("/api/v1/tenants/" + tenantId + "/features/no-such", ADMIN, "{\"enabled\":true}"),
                404, "not-found");
    }

    @Test
    void answersTheHeadPositionForACommandThatChangesNothing() {
        String tenantId = activeTenant("STANDARD");
        String path = "/api/v1/tenants/" + tenantId + "/features/bulk-import";
        long set = http.put(path, ADMIN, "{\"enabled\":false}").position();

        Http.Response again = http.put(path, ADMIN, "{\"enabled\":false}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.position()).isGreaterThanOrEqualTo(set);
    }

    @Test
    void writesASnapshotOnceATenantHasManyEvents() throws Exception {
        String tenantId = activeTenant("STANDARD");
        for (int i = 0; i < 55; i++) {
            http.put("/api/v1/tenants/" + tenantId + "/features/bulk-import", ADMIN, "{\"enabled\":" + (i % 2 == 0) + "}");
        }
        // the snapshotter runs after the commit, on its own thread
        long snapshots = 0;
        for (int wait = 0; wait < 50 && snapshots == 0; wait++) {
            Thread.sleep(100);
            snapshots = count("select count(*) from event_store.snapshot_event_entry where aggregate_identifier = ?",
                    tenantId);
        }
        assertThat(snapshots).isEqualTo(1);
        assertThat(http.post("/api/v1/tenants/" + tenantId + "/suspend", ADMIN, "{\"reason\":\"after snapshot\"}").status())
                .isEqualTo(200);
    }

    @Test
    void guardsEndpointsByTokenTenantAndRole() {
        String tenantId = activeTenant("STANDARD");
        String otherTenantId = activeTenant("STANDARD");
        String tenantAdmin = TestTokens.forTenant(UUID.fromString(tenantId), "alice", "TENANT_ADMIN");
        String viewer = TestTokens.forTenant(UUID.fromString(tenantId), "vic", "ORG_VIEWER");

        Http.Response anonymous = http.post("/api/v1/tenants", null, Http.newTenant(uniqueSlug("anon"), "FREE"));
        assertProblem(anonymous, 401, "unauthorized");
        assertThat(anonymous.header("X-Correlation-Id")).isNotBlank();
        assertProblem(http.post("/api/v1/tenants", TestTokens.token("eve", null, List.of("PLATFORM_ADMIN"),
                "another-secret-another-secret-another-secret", Instant.now().plusSeconds(60)), "{}"), 401, "unauthorized");
        assertProblem(http.post("/api/v1/tenants", TestTokens.token("eve", null, List.of("PLATFORM_ADMIN"),
                TestTokens.SECRET, Instant.now().minusSeconds(60)), "{}"), 401, "unauthorized");
        assertProblem(http.patch("/api/v1/tenants/" + otherTenantId + "/configuration", tenantAdmin, "{\"name\":\"x\"}"),
                404, "not-found");
        assertProblem(http.put("/api/v1/tenants/" + tenantId + "/subscription", tenantAdmin,
                "{\"plan\":\"ENTERPRISE\",\"status\":\"ACTIVE\"}"), 403, "forbidden");
        assertProblem(http.patch("/api/v1/tenants/" + tenantId + "/configuration", viewer, "{\"name\":\"x\"}"),
                403, "forbidden");
    }

    private String createTenant(String plan) {
        Http.Response created = http.post("/api/v1/tenants", ADMIN, Http.newTenant(uniqueSlug("t"), plan));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("tenantId").asText();
    }

    private String activeTenant(String plan) {
        String tenantId = createTenant(plan);
        assertThat(http.post("/api/v1/tenants/" + tenantId + "/activate", ADMIN, "{}").status()).isEqualTo(200);
        return tenantId;
    }

    static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("https://errors.org-service.dev/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("correlationId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    /** A POST whose change reason header is written as exactly these bytes; answers the event-store position. */
    private long postWithReasonBytes(String path, byte[] reason) throws Exception {
        String answer = send(path, reason);
        assertThat(answer).startsWith("HTTP/1.1 200");
        return new ObjectMapper().readTree(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1))
                .get("position").asLong();
    }

    /** The raw answer to a POST of {@code {}} with these bytes as its change reason (HTTP clients send only ASCII). */
    private String send(String path, byte[] reason) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n"
                    + "X-Change-Reason: ").getBytes(StandardCharsets.ISO_8859_1));
            out.write(reason);
            out.write("\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> storedEvent(long position) throws Exception {
        try (Connection db = TestDatabase.get().connectAsAdmin();
             PreparedStatement query = db.prepareStatement("""
                     select aggregate_identifier, payload_type, payload_revision, convert_from(meta_data, 'UTF8') meta_data,
                            convert_from(payload, 'UTF8') payload
                     from event_store.domain_event_entry where global_index = ?""")) {
            query.setLong(1, position);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("event at position " + position).isTrue();
                return Map.of("aggregate_identifier", row.getString(1), "payload_type", row.getString(2),
                        "payload_revision", row.getString(3), "meta_data", row.getString(4), "payload", row.getString(5));
            }
        }
    }

    private static long count(String sql, String argument) throws Exception {
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, argument);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
