package dev.orgservice.command.tenant;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Listens on PostgreSQL's {@code tenant_registry_changed} channel (a trigger announces every update of a registry row,
 * migration V6) and makes {@link RegistryTenantGuard} forget the changed tenant's row, so that this instance's next
 * command on the tenant reads it instead of failing its append on the old one ({@code DeferredStoreCheck}), which
 * would throw away the tenant's cached tree. One connection of its own, outside the pool; when it is lost, every
 * remembered row is forgotten (announcements may have been missed) and it reconnects after a second.
 */
@Component
class RegistryChanges implements SmartLifecycle {

    static final String CHANNEL = "tenant_registry_changed";
    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "org-command-side registry listener";
    private static final Logger log = LoggerFactory.getLogger(RegistryChanges.class);
    private static final int WAIT_MS = 500;
    private static final long RECONNECT_MS = 1_000;

    private final RegistryTenantGuard guard;
    private final DataSourceProperties database;
    private volatile Thread listener;

    RegistryChanges(RegistryTenantGuard guard, DataSourceProperties database) {
        this.guard = guard;
        this.database = database;
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::listen, "registry-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = listener;
        listener = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    private void listen() {
        while (listener == Thread.currentThread()) {
            try (Connection connection = connect()) {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                guard.forgetAll(); // what changed before this connection listened was not heard
                while (listener == Thread.currentThread()) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MS);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        guard.forget(UUID.fromString(notification.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                guard.forgetAll();
                if (listener == Thread.currentThread()) {
                    log.warn("Lost the registry change announcements; remembered rows forgotten, reconnecting", e);
                    try {
                        Thread.sleep(RECONNECT_MS);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.determineUsername());
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection connection = DriverManager.getConnection(database.determineUrl(), properties);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
        return connection;
    }
}
