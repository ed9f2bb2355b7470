package dev.orgservice.platform.testing;

import dev.orgservice.platform.db.DatabaseAccounts;
import dev.orgservice.platform.db.DatabaseBootstrap;
import dev.orgservice.platform.db.JdbcUrls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One real PostgreSQL database per test JVM, with the service's four roles under names unique to this run:
 * on the server named by {@code ORG_TEST_DB_URL} (dropped again at exit), else on an embedded PostgreSQL.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;
    private final DatabaseAccounts accounts;
    private final String url;

    private TestDatabase(String adminUrl, String adminUser, String adminPassword) {
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        String suffix = "_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.accounts = DatabaseAccounts.withSuffix("org_test" + suffix, suffix);
        this.url = JdbcUrls.withDatabase(adminUrl, accounts.database());
        DatabaseBootstrap.ensure(adminUrl, adminUser, adminPassword, accounts);
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            String external = System.getenv("ORG_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                instance = new TestDatabase(external, env("ORG_TEST_DB_USER", "postgres"), env("ORG_TEST_DB_PASSWORD", ""));
                TestDatabase created = instance;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> DatabaseBootstrap.drop(
                        created.adminUrl, created.adminUser, created.adminPassword, created.accounts)));
            } else {
                instance = new TestDatabase(embedded().getJdbcUrl("postgres", "postgres"), "postgres", "");
            }
        }
        return instance;
    }

    /** The connection settings the services read, as Spring properties. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ORG_DB_URL", url);
        properties.put("ORG_DB_OWNER_USER", accounts.owner().user());
        properties.put("ORG_DB_OWNER_PASSWORD", accounts.owner().password());
        properties.put("ORG_DB_COMMAND_USER", accounts.command().user());
        properties.put("ORG_DB_COMMAND_PASSWORD", accounts.command().password());
        properties.put("ORG_DB_PROJECTOR_USER", accounts.projector().user());
        properties.put("ORG_DB_PROJECTOR_PASSWORD", accounts.projector().password());
        properties.put("ORG_DB_API_USER", accounts.api().user());
        properties.put("ORG_DB_API_PASSWORD", accounts.api().password());
        properties.put("ORG_JWT_DEV_SECRET", TestTokens.SECRET);
        // the limiter has its own tests; elsewhere it would only make fast test clients flaky
        properties.put("ORG_RATE_LIMITS_ENABLED", "false");
        // only the Kafka tests run a broker; they switch the publisher on
        properties.put("ORG_KAFKA_ENABLED", "false");
        return properties;
    }

    public void register(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    public DatabaseAccounts accounts() {
        return accounts;
    }

    public String url() {
        return url;
    }

    public Connection connect(DatabaseAccounts.Account account) throws SQLException {
        return DriverManager.getConnection(url, account.user(), account.password());
    }

    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(url, adminUser, adminPassword);
    }

    /** The event store's schema, for tests of the query side, which does not own it. */
    public void migrateEventStore() {
        Flyway.configure()
                .dataSource(url, accounts.owner().user(), accounts.owner().password())
                .schemas("event_store")
                .locations("classpath:db/event-store")
                .placeholders(Map.of("command_role", accounts.command().user(),
                        "projector_role", accounts.projector().user()))
                .load()
                .migrate();
    }

    private static EmbeddedPostgres embedded() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
