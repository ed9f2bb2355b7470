package dev.orgservice.command;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema Flyway really created: no large objects, no gap-prone sequences, immutable events. */
class EventStoreSchemaTest extends CommandSideIntegrationTest {

    @Test
    void storesPayloadsMetadataAndSnapshotsAsByteaNeverAsLargeObjects() throws Exception {
        List<String> columns = query("""
                select table_name || '.' || column_name || ':' || data_type from information_schema.columns
                where table_schema = 'event_store' and table_name in ('domain_event_entry', 'snapshot_event_entry')
                  and column_name in ('payload', 'meta_data')""");
        assertThat(columns).hasSize(4).allMatch(c -> c.endsWith(":bytea"));
        assertThat(query("""
                select table_schema || '.' || table_name || '.' || column_name from information_schema.columns
                where table_schema in ('event_store', 'read_model') and udt_name = 'oid'""")).isEmpty();
    }

    @Test
    void leavesNoLargeObjectBehindAfterEventsAndSnapshots() throws Exception {
        Http.onPort(port).post("/api/v1/tenants", TestTokens.platformAdmin(), Http.newTenant(uniqueSlug("lob"), "FREE"));
        assertThat(query("select count(*)::text from pg_largeobject_metadata")).containsExactly("0");
    }

    @Test
    void numbersEventsWithADedicatedSequenceThatAllocatesOneAtATime() throws Exception {
        assertThat(query("""
                select increment_by || '/' || cache_size from pg_sequences
                where schemaname = 'event_store' and sequencename = 'domain_event_entry_global_index_seq'"""))
                .containsExactly("1/1");
    }

    @Test
    void isOwnedByTheOwnerRoleWhileTheServiceConnectsAsAnotherRole() throws Exception {
        var accounts = TestDatabase.get().accounts();
        assertThat(query("select distinct tableowner from pg_tables where schemaname = 'event_store'"))
                .containsExactly(accounts.owner().user());
        assertThat(query("select rolname from pg_roles where rolsuper and rolname like 'org\\_%'")).isEmpty();
    }

    @Test
    void letsTheCommandRoleAppendButNeverRewriteEvents() throws Exception {
        Http.onPort(port).post("/api/v1/tenants", TestTokens.platformAdmin(), Http.newTenant(uniqueSlug("imm"), "FREE"));
        try (Connection command = TestDatabase.get().connect(TestDatabase.get().accounts().command());
             Statement statement = command.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("update event_store.domain_event_entry set type = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from event_store.domain_event_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = TestDatabase.get().connectAsAdmin(); Statement statement = db.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
