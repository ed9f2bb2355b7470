package dev.orgservice.command;

import dev.orgservice.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** What the tests of the tenant registry row's locks watch in the database. */
public final class RegistryLocks {

    private RegistryLocks() {
    }

    /**
     * Opens a transaction on {@code connection} that holds the tenant's registry row locked ({@code for update}), as
     * another instance's change of the row would, until the caller ends it.
     */
    public static void holdRow(Connection connection, UUID tenantId) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "select 1 from event_store.tenant_registry where tenant_id = ? for update")) {
            lock.setObject(1, tenantId);
            lock.executeQuery().close();
        }
    }

    /** The last global index the event store handed out (taken, whether or not its append committed). */
    public static long lastIndex() throws SQLException {
        try (Connection db = TestDatabase.get().connectAsAdmin(); Statement query = db.createStatement();
             ResultSet row = query.executeQuery("select last_value from event_store.domain_event_entry_global_index_seq")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Waits until a statement on the registry waits for a lock; {@code who} names it in the failure. */
    public static void awaitLockWaiter(String who) throws Exception {
        try (Connection db = TestDatabase.get().connectAsAdmin(); Statement query = db.createStatement()) {
            for (int attempt = 0; attempt < 200; attempt++) {
                try (ResultSet waiting = query.executeQuery("select count(*) from pg_stat_activity "
                        + "where wait_event_type = 'Lock' and query like '%tenant_registry%'")) {
                    waiting.next();
                    if (waiting.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError(who + " never waited for the registry row");
    }
}
