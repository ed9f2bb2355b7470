package dev.orgservice.query.parking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import dev.orgservice.query.storage.TenantScopedReads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One tenant's event that the hierarchy projection cannot store: a trigger, created here as the owner, refuses the
 * units whose code starts with POISON, as a read model that cannot take a value would. The attack on tenant
 * isolation is the event, not a caller: the other tenants' reads must go on.
 */
class ParkedTenantsTest extends QuerySideIntegrationTest {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final String PARKED = "/api/v1/projections/parked-tenants";
    private static final String RETRY = PARKED + "/retry";

    @Autowired
    private JdbcTemplate projector;

    @Autowired
    private ParkedEventRetry retry;

    @Autowired
    private TenantScopedReads reads;

    @AfterEach
    void noTrigger() throws SQLException {
        owner("drop trigger if exists test_refuse on read_model.unit");
    }

    @Test
    void aTenantsEventThatCannotBeStoredParksThatTenantAloneUntilARetryStoresIt() throws SQLException {
        refuseUnitsWith("P0001");
        UUID poisoned = newTenant("parked").value();
        UUID other = newTenant("unparked").value();
        String reader = TestTokens.forTenant(poisoned, "reader", "ORG_VIEWER");
        UUID before = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        long refusedAt = append("OrganizationTree", "org-tree-" + poisoned, 0, List.of(
                unit(poisoned, before, "LE"), unit(poisoned, refused, "POISON-1")));
        long afterAt = append("OrganizationTree", "org-tree-" + poisoned, 2, unit(poisoned, after, "LATER"));
        UUID otherUnit = UUID.randomUUID();
        long otherAt = append("OrganizationTree", "org-tree-" + other, 0, unit(other, otherUnit, "LE"));

        // the other tenant's event, recorded after the refused one, is read as usual
        String otherReader = TestTokens.forTenant(other, "reader", "ORG_VIEWER");
        assertThat(unitRead(other, otherUnit, otherReader, otherAt).status()).isEqualTo(200);
        // the parked tenant's reads say why they cannot be consistent from the refused event on
        Http.Response held = unitRead(poisoned, after, reader, afterAt);
        assertThat(held.status()).as(held.body()).isEqualTo(503);
        assertThat(held.json().get("type").asText()).endsWith("/read-model-parked");
        assertThat(held.json().get("parkedFrom").asLong()).isEqualTo(refusedAt);
        assertThat(unitRead(poisoned, before, reader, refusedAt - 1).status()).isEqualTo(200);
        assertThat(unitRead(poisoned, after, reader, null).status()).isEqualTo(404);
        // a caller of another tenant does not learn that this one is parked
        assertThat(unitRead(poisoned, after, otherReader, afterAt).status()).isEqualTo(404);
        // a read by slug answers about the tenant too: the caller's own, or any tenant for a platform operator
        String slug = "/api/v1/tenants/by-slug/parked-" + poisoned.toString().substring(0, 8) + "?minPosition=";
        assertParked(http.get(slug + afterAt, reader));
        assertParked(http.get(slug + afterAt, TestTokens.platformAdmin()));
        assertParked(http.get("/api/v1/tenants?minPosition=" + afterAt, TestTokens.platformAdmin()));
        assertThat(http.get(slug + (refusedAt - 1), reader).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/tenants/by-slug/unparked-" + other.toString().substring(0, 8) + "?minPosition="
                + afterAt, otherReader).status()).isEqualTo(200);
        // the processor runs on: the readiness stays up
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        List<Map<String, Object>> parked = projector.queryForList("select global_index, error from "
                + "read_model.parked_event where tenant_id = ? order by global_index", poisoned);
        assertThat(parked).extracting(row -> row.get("global_index")).containsExactly(refusedAt, afterAt);
        assertThat((String) parked.get(0).get("error")).contains("refused by the test");
        assertThat(parked.get(1).get("error")).isNull();

        // platform operators see the parked tenant and why; the tenant's own administrator does not
        List<JsonNode> listed = parkedEntries(parkedTenants(TestTokens.platformAdmin(), 200), poisoned);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("processor").asText()).isEqualTo("hierarchy-projection");
        assertThat(listed.get(0).get("firstPosition").asLong()).isEqualTo(refusedAt);
        assertThat(listed.get(0).get("firstEventType").asText()).isEqualTo(UnitCreatedEvent.class.getName());
        assertThat(listed.get(0).get("events").asLong()).isEqualTo(2);
        assertThat(listed.get(0).get("error").asText()).contains("refused by the test");
        // in the tenant's own transactions, the API role sees that it is parked, not the held-back events or errors
        List<Long> ownView = reads.forTenant(poisoned, sql -> sql.getJdbcTemplate().queryForList(
                "select count(*) from read_model.parked_tenant union all select count(*) from read_model.parked_event",
                Long.class));
        assertThat(ownView).containsExactly(1L, 0L);
        String tenantAdmin = TestTokens.forTenant(poisoned, "admin", "TENANT_ADMIN");
        parkedTenants(tenantAdmin, 403);
        assertThat(http.post(RETRY, tenantAdmin, "").status()).isEqualTo(403);

        // a retry while the cause remains changes nothing
        Http.Response failedRetry = http.post(RETRY, TestTokens.platformAdmin(), "");
        assertThat(failedRetry.status()).as(failedRetry.body()).isEqualTo(200);
        assertThat(failedRetry.json().get("released").asInt()).isZero();
        assertThat(parkedEntries(failedRetry.json().get("stillParked"), poisoned)).hasSize(1);
        assertThat(unitRead(poisoned, after, reader, afterAt).status()).isEqualTo(503);
        JsonNode afterFailedRetry = parkedEntries(parkedTenants(TestTokens.platformAdmin(), 200), poisoned).get(0);
        assertThat(afterFailedRetry.get("lastRetryAt").isNull()).isFalse();
        assertThat(afterFailedRetry.get("lastRetryError").asText()).contains("refused by the test");
        assertThat(afterFailedRetry.get("events").asLong()).as("the failed retry changed nothing").isEqualTo(2);

        // the cause removed, a retry stores the held-back events in order and the tenant is handled as before
        owner("drop trigger test_refuse on read_model.unit");
        Http.Response retried = http.post(RETRY, TestTokens.platformAdmin(), "");
        assertThat(retried.json().get("released").asInt()).as(retried.body()).isEqualTo(1);
        assertThat(parkedEntries(retried.json().get("stillParked"), poisoned)).isEmpty();
        assertThat(parkedEntries(parkedTenants(TestTokens.platformAdmin(), 200), poisoned)).isEmpty();
        // nobody is left to catch up: the scheduled retry finds no one
        assertThat(retry.retryAll()).hasValue(0);
        assertThat(unitRead(poisoned, after, reader, afterAt).status()).isEqualTo(200);
        assertThat(unitRead(poisoned, refused, reader, afterAt).status()).isEqualTo(200);
        assertThat(projector.queryForObject("select count(*) from read_model.parked_event where tenant_id = ?",
                Long.class, poisoned)).isZero();
        UUID next = UUID.randomUUID();
        long nextAt = append("OrganizationTree", "org-tree-" + poisoned, 3, unit(poisoned, next, "NEXT"));
        assertThat(unitRead(poisoned, next, reader, nextAt).status()).isEqualTo(200);
    }

    @Test
    void aRetryKeepsTheEventsItCouldStoreAndStaysParkedFromTheFirstThatStillFails() throws SQLException {
        refuseUnitsWith("P0001");
        UUID tenant = newTenant("partly").value();
        String reader = TestTokens.forTenant(tenant, "reader", "ORG_VIEWER");
        String tree = "org-tree-" + tenant;
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        long firstAt = append("OrganizationTree", tree, 0, unit(tenant, first, "POISON-A"));
        long secondAt = append("OrganizationTree", tree, 1, unit(tenant, second, "LE-2"));
        long thirdAt = append("OrganizationTree", tree, 2, unit(tenant, third, "POISON-B"));
        long fourthAt = append("OrganizationTree", tree, 3, unit(tenant, fourth, "LE-4"));
        assertThat(unitRead(tenant, fourth, reader, fourthAt).json().get("parkedFrom").asLong()).isEqualTo(firstAt);

        // what parked the first event is gone; the third still cannot be stored
        owner("drop trigger test_refuse on read_model.unit");
        refuseUnits("P0001", "POISON-B");
        retry.retryAll();
        assertThat(unitRead(tenant, first, reader, secondAt).status()).isEqualTo(200);
        assertThat(unitRead(tenant, second, reader, secondAt).status()).isEqualTo(200);
        Http.Response held = unitRead(tenant, fourth, reader, fourthAt);
        assertThat(held.status()).as(held.body()).isEqualTo(503);
        assertThat(held.json().get("parkedFrom").asLong()).isEqualTo(thirdAt);
        JsonNode parked = parkedEntries(parkedTenants(TestTokens.platformAdmin(), 200), tenant).get(0);
        assertThat(parked.get("firstPosition").asLong()).isEqualTo(thirdAt);
        assertThat(parked.get("events").asLong()).isEqualTo(2);
        assertThat(parked.get("error").asText()).as("the event that fails now says why").contains("POISON-B");
        assertThat(parked.get("lastRetryError").asText()).contains("POISON-B");

        owner("drop trigger test_refuse on read_model.unit");
        retry.retryAll();
        assertThat(parkedEntries(parkedTenants(TestTokens.platformAdmin(), 200), tenant)).isEmpty();
        assertThat(unitRead(tenant, third, reader, fourthAt).status()).isEqualTo(200);
        assertThat(unitRead(tenant, fourth, reader, fourthAt).status()).isEqualTo(200);
    }

    @Test
    void anOperatorsRetryWhileOneRunsIsRefusedNotRunTwice() throws Exception {
        refuseUnitsWith("P0001");
        UUID tenant = newTenant("retried").value();
        long at = append("OrganizationTree", "org-tree-" + tenant, 0, unit(tenant, UUID.randomUUID(), "POISON-3"));
        String reader = TestTokens.forTenant(tenant, "reader", "ORG_VIEWER");
        assertThat(unitRead(tenant, UUID.randomUUID(), reader, at).json().get("type").asText())
                .endsWith("/read-model-parked");
        // the tenant's (processor, tenant) lock held elsewhere: the first retry waits for it
        ExecutorService operators = Executors.newSingleThreadExecutor();
        try (Connection holder = TestDatabase.get().connectAsAdmin()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtextextended('hierarchy-projection/" + tenant + "', 0))");
            }
            Future<Http.Response> first = operators.submit(() -> http.post(RETRY, TestTokens.platformAdmin(), ""));
            awaitAdvisoryLockWaiter();
            Http.Response second = http.post(RETRY, TestTokens.platformAdmin(), "");
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.json().get("type").asText()).endsWith("/conflict");
            holder.commit();
            Http.Response answered = first.get(30, TimeUnit.SECONDS);
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            assertThat(parkedEntries(answered.json().get("stillParked"), tenant)).hasSize(1);
        } finally {
            operators.shutdownNow();
        }
        owner("drop trigger test_refuse on read_model.unit");
        assertThat(retry.retryAll()).hasValue(1);
    }

    private static void awaitAdvisoryLockWaiter() throws Exception {
        try (Connection admin = TestDatabase.get().connectAsAdmin(); Statement query = admin.createStatement()) {
            for (int attempt = 0; attempt < 100; attempt++) {
                try (ResultSet waiting = query.executeQuery(
                        "select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
                    waiting.next();
                    if (waiting.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no retry waited for the tenant's lock");
    }

    @Test
    void aFailureOfTheDatabaseRatherThanOfTheEventStopsTheProcessorAndParksNoOne() throws Exception {
        refuseUnitsWith("57014"); // query_canceled, as a statement timeout: not about the event
        UUID tenant = newTenant("stalled").value();
        String reader = TestTokens.forTenant(tenant, "reader", "ORG_VIEWER");
        UUID unit = UUID.randomUUID();
        long at = append("OrganizationTree", "org-tree-" + tenant, 0, unit(tenant, unit, "POISON-2"));

        Http.Response waiting = unitRead(tenant, unit, reader, at);
        assertThat(waiting.status()).isEqualTo(503);
        assertThat(waiting.json().get("type").asText()).endsWith("/not-yet-consistent");
        assertThat(projector.queryForObject("select count(*) from read_model.parked_tenant where tenant_id = ?",
                Long.class, tenant)).isZero();
        assertThat(http.get("/actuator/health/readiness", null).status())
                .as("a projection retrying a failure of the database is not ready").isEqualTo(503);

        owner("drop trigger test_refuse on read_model.unit");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Http.Response read = unitRead(tenant, unit, reader, at);
        while (read.status() != 200 && System.nanoTime() < deadline) {
            read = unitRead(tenant, unit, reader, at);
        }
        assertThat(read.status()).as("the processor goes on once the cause is gone: %s", read.body()).isEqualTo(200);
        long ready = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // the segment's error clears after its batch
        while (http.get("/actuator/health/readiness", null).status() != 200 && System.nanoTime() < ready) {
            Thread.sleep(20);
        }
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    private static void assertParked(Http.Response read) {
        assertThat(read.status()).as(read.body()).isEqualTo(503);
        assertThat(read.json().get("type").asText()).endsWith("/read-model-parked");
    }

    private JsonNode parkedTenants(String token, int status) {
        Http.Response listed = http.get(PARKED, token);
        assertThat(listed.status()).as(listed.body()).isEqualTo(status);
        return listed.json().get("items");
    }

    private static List<JsonNode> parkedEntries(JsonNode items, UUID tenant) {
        List<JsonNode> entries = new ArrayList<>();
        items.forEach(item -> {
            if (item.get("tenantId").asText().equals(tenant.toString())) {
                entries.add(item);
            }
        });
        return entries;
    }

    private Http.Response unitRead(UUID tenant, UUID unit, String token, Long minPosition) {
        return http.get("/api/v1/tenants/" + tenant + "/units/" + unit
                + (minPosition == null ? "" : "?minPosition=" + minPosition), token);
    }

    private static UnitCreatedEvent unit(UUID tenant, UUID unit, String code) {
        return new UnitCreatedEvent(tenant, unit, UnitType.LEGAL_ENTITY, code, code, null, FROM, UnitDetails.NONE);
    }

    private static void refuseUnitsWith(String sqlState) throws SQLException {
        refuseUnits(sqlState, "POISON%");
    }

    private static void refuseUnits(String sqlState, String codes) throws SQLException {
        owner("""
                create or replace function read_model.test_refuse() returns trigger language plpgsql as $$
                begin
                    raise exception 'unit %% refused by the test', new.code using errcode = '%s';
                end
                $$""".formatted(sqlState));
        owner("create trigger test_refuse before insert on read_model.unit for each row "
                + "when (new.code like '" + codes + "') execute function read_model.test_refuse()");
    }

    private static void owner(String sql) throws SQLException {
        try (Connection connection = TestDatabase.get().connect(TestDatabase.get().accounts().owner());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
