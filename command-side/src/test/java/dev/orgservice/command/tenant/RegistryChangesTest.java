package dev.orgservice.command.tenant;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener of PostgreSQL's announcements of registry changes ({@link RegistryChanges}): what it may have missed
 * while its connection was lost is forgotten, and it listens again. (That an announced change keeps the cached tree:
 * {@code DeferredStoreCheckTest}.)
 */
class RegistryChangesTest extends CommandSideIntegrationTest {

    @Autowired
    private RegistryTenantGuard guard;

    @Test
    void aLostListenerForgetsEveryRowAndListensAgain() throws Exception {
        UUID tenantId = UUID.fromString(newActiveTenant("relisten"));
        String editor = TestTokens.forTenant(tenantId, "ed", "ORG_EDITOR");
        created("/api/v1/tenants/" + tenantId + "/units", editor, "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT\","
                + "\"name\":\"Root\",\"country\":\"DE\",\"currency\":\"EUR\"}");
        assertThat(guard.remembers(tenantId)).isTrue();

        // every listener on this database: other test contexts' command sides listen too
        Set<Integer> lost = listenerPids();
        assertThat(lost).isNotEmpty();
        lost.forEach(RegistryChangesTest::terminate);
        await(() -> !guard.remembers(tenantId), "a lost listener forgets what it may not have heard");
        await(() -> listenerPids().stream().anyMatch(pid -> !lost.contains(pid)), "the listener reconnects");

        created("/api/v1/tenants/" + tenantId + "/units", editor, "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT2\","
                + "\"name\":\"Root 2\",\"country\":\"DE\",\"currency\":\"EUR\"}");
        assertThat(guard.remembers(tenantId)).as("read again by the command after the reconnection").isTrue();
        updateAsAnotherInstance(tenantId);
        await(() -> !guard.remembers(tenantId), "changes are heard again");
    }

    private String created(String units, String token, String body) {
        var created = http.post(units, token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("unitId").asText();
    }

    private static void updateAsAnotherInstance(UUID tenantId) throws Exception {
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement update = db.prepareStatement(
                "update event_store.tenant_registry set plan = plan where tenant_id = ?")) {
            update.setObject(1, tenantId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static Set<Integer> listenerPids() {
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement query = db.prepareStatement(
                "select pid from pg_stat_activity where application_name = ? and datname = current_database()")) {
            query.setString(1, RegistryChanges.APPLICATION_NAME);
            Set<Integer> pids = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void terminate(int pid) {
        try (Connection db = TestDatabase.get().connectAsAdmin();
             PreparedStatement terminate = db.prepareStatement("select pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && !condition.getAsBoolean(); attempt++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
