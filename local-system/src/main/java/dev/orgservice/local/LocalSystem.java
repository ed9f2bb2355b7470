package dev.orgservice.local;

import dev.orgservice.command.CommandSideApplication;
import dev.orgservice.platform.db.DatabaseAccounts;
import dev.orgservice.platform.db.DatabaseBootstrap;
import dev.orgservice.platform.db.JdbcUrls;
import dev.orgservice.query.QuerySideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system on one machine with nothing installed but a JDK: an embedded PostgreSQL (data kept in
 * {@code .local-data/}) unless {@code ORG_DB_URL} names a server, then the command side and the query side,
 * each on its own port with the {@code local} profile (dev tokens, readable logs).
 */
public final class LocalSystem {

    private LocalSystem() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("ORG_LOG_FORMAT", "");
        // logback is configured once per JVM, by the first service to start: with the application name in every line,
        // the query side's lines would carry the command side's; the logger names (dev.orgservice.command/.query) tell
        // the two services apart instead
        properties.put("logging.include-application-name", "false");
        properties.put("ORG_KAFKA_BOOTSTRAP_SERVERS", kafka());
        ConfigurableApplicationContext command = CommandSideApplication.builder().profiles("local")
                .properties(properties).run(args);
        ConfigurableApplicationContext query = QuerySideApplication.builder().profiles("local")
                .properties(properties).run(args);
        System.out.printf("%n  Organization Service is running%n"
                        + "  command side: http://localhost:%s/api/v1  (Swagger UI: /swagger-ui.html)%n"
                        + "  query side:   http://localhost:%s/api/v1  (Swagger UI: /swagger-ui.html)%n"
                        + "  kafka:        %s (topics org.tenant.events.v1, org.structure.events.v1)%n"
                        + "  dev token:    ./scripts/dev-token.sh platform-op \"\" PLATFORM_ADMIN%n%n",
                command.getEnvironment().getProperty("local.server.port"),
                query.getEnvironment().getProperty("local.server.port"), properties.get("ORG_KAFKA_BOOTSTRAP_SERVERS"));
    }

    /**
     * The configured brokers, or an in-process KRaft broker on {@code ORG_LOCAL_KAFKA_PORT} (default 9092, its
     * controller on the next port), data in {@code .local-data/kafka}.
     */
    private static String kafka() throws IOException {
        String configured = System.getenv("ORG_KAFKA_BOOTSTRAP_SERVERS");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("ORG_LOCAL_KAFKA_PORT", "9092"));
        File directory = new File(System.getenv().getOrDefault("ORG_LOCAL_DATA_DIR", ".local-data"), "kafka");
        LocalKafkaBroker broker = LocalKafkaBroker.start(port, directory);
        System.out.println("In-process Kafka broker on " + broker.bootstrapServers());
        return broker.bootstrapServers();
    }

    /** Creates the database and roles if needed and answers the connection settings both services read. */
    private static Map<String, String> database() throws IOException {
        String url = System.getenv("ORG_DB_URL");
        String adminUrl;
        String adminUser;
        String adminPassword;
        String databaseName = "orgservice";
        if (url == null || url.isBlank()) {
            int port = Integer.parseInt(System.getenv().getOrDefault("ORG_LOCAL_DB_PORT", "15432"));
            File dataDirectory = new File(System.getenv().getOrDefault("ORG_LOCAL_DATA_DIR", ".local-data"), "postgres");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            adminUrl = postgres.getJdbcUrl("postgres", "postgres");
            adminUser = "postgres";
            adminPassword = "";
            url = JdbcUrls.withDatabase(adminUrl, databaseName);
            System.out.println("Embedded PostgreSQL on port " + port + ", data in " + dataDirectory.getAbsolutePath());
        } else {
            databaseName = url.replaceFirst("^[^/]*//[^/]*/", "").replaceFirst("\\?.*$", "");
            adminUrl = JdbcUrls.withDatabase(url, "postgres");
            adminUser = System.getenv().getOrDefault("ORG_DB_USER", "postgres");
            adminPassword = System.getenv().getOrDefault("ORG_DB_PASSWORD", "");
        }
        DatabaseAccounts defaults = DatabaseAccounts.localDefaults();
        DatabaseAccounts accounts = new DatabaseAccounts(databaseName, defaults.owner(), defaults.command(),
                defaults.projector(), defaults.api());
        DatabaseBootstrap.ensure(adminUrl, adminUser, adminPassword, accounts);
        return Map.of(
                "ORG_DB_URL", url,
                "ORG_DB_OWNER_USER", accounts.owner().user(), "ORG_DB_OWNER_PASSWORD", accounts.owner().password(),
                "ORG_DB_COMMAND_USER", accounts.command().user(), "ORG_DB_COMMAND_PASSWORD", accounts.command().password(),
                "ORG_DB_PROJECTOR_USER", accounts.projector().user(),
                "ORG_DB_PROJECTOR_PASSWORD", accounts.projector().password(),
                "ORG_DB_API_USER", accounts.api().user(), "ORG_DB_API_PASSWORD", accounts.api().password());
    }
}
