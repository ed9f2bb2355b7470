package dev.orgservice.command.tenant;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant snapshots carry the aggregate's revision, so that Axon ignores a snapshot of another shape (written before
 * a change of the tenant's fields) and loads the tenant from its events instead of from a state that lacks them.
 */
class TenantSnapshotTest extends CommandSideIntegrationTest {

    private static final String ADMIN = TestTokens.platformAdmin();

    @Test
    void ignoresASnapshotOfAnotherRevisionAndLoadsTheTenantFromItsEvents() throws Exception {
        String tenantId = newActiveTenant("snap");
        String tenant = "/api/v1/tenants/" + tenantId;
        for (int i = 0; i < 25; i++) { // 1 + 1 + 50 events: past the snapshot threshold of 50
            assertThat(http.post(tenant + "/suspend", ADMIN, "{\"reason\":\"r\"}").status()).isEqualTo(200);
            assertThat(http.post(tenant + "/reactivate", ADMIN, "{}").status()).isEqualTo(200);
        }
        assertThat(awaitSnapshotRevision(tenantId)).isEqualTo(Tenant.class.getAnnotation(Revision.class).value());

        // as a snapshot of an older shape would be: here one that would load a tenant without any state
        try (Connection db = TestDatabase.get().connectAsAdmin();
             PreparedStatement older = db.prepareStatement("update event_store.snapshot_event_entry "
                     + "set payload_revision = null, payload = convert_to('{}', 'UTF8') where aggregate_identifier = ?")) {
            older.setString(1, tenantId);
            assertThat(older.executeUpdate()).isEqualTo(1);
        }
        Http.Response suspended = http.send("POST", tenant + "/suspend", ADMIN, "{\"reason\":\"r\"}",
                Map.of("If-Match", "\"51\""));
        assertThat(suspended.status()).as("the tenant came from its events: " + suspended.body()).isEqualTo(200);
        Http.Response again = http.post(tenant + "/suspend", ADMIN, "{\"reason\":\"r\"}");
        assertThat(again.status()).as("it knows it is suspended: " + again.body()).isEqualTo(409);
    }

    private static String awaitSnapshotRevision(String tenantId) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Connection db = TestDatabase.get().connectAsAdmin();
                 PreparedStatement query = db.prepareStatement("select payload_revision "
                         + "from event_store.snapshot_event_entry where aggregate_identifier = ?")) {
                query.setString(1, tenantId);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return row.getString(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot of tenant " + tenantId);
    }
}
