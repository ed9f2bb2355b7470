package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.command.CommandSideApplication;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Both services started once per test JVM on the test database, as a user of the APIs meets them. */
abstract class RunningSystem {

    static final String ADMIN = TestTokens.platformAdmin();
    static final String ALLOWED_ORIGIN = "https://erp.example";
    static final Http commands;
    static final Http queries;

    static {
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().properties());
        properties.put("ORG_COMMAND_PORT", "0");
        properties.put("ORG_QUERY_PORT", "0");
        ConfigurableApplicationContext querySide = QuerySideApplication.builder().properties(properties).run();
        // CORS open on the command side only: both the configured and the closed case meet a real server
        properties.put("ORG_CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN);
        ConfigurableApplicationContext commandSide = CommandSideApplication.builder().properties(properties).run();
        commands = Http.onPort(port(commandSide));
        queries = Http.onPort(port(querySide));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            querySide.close();
            commandSide.close();
        }));
    }

    /** A tenant on {@code plan}, created and activated by the platform admin; its id. */
    static String activeTenant(String slug, String plan) {
        Http.Response created = commands.post("/api/v1/tenants", ADMIN, Http.newTenant(slug, plan));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String tenant = created.json().get("tenantId").asText();
        assertThat(commands.post("/api/v1/tenants/" + tenant + "/activate", ADMIN, "{}").status()).isEqualTo(200);
        return tenant;
    }

    /** A slug not used before: the prefix and eight random characters. */
    static String newSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reads on the query side at the position the command answered; fails unless it is a 200. */
    static JsonNode read(String path, Http.Response afterCommand, String token) {
        assertThat(afterCommand.status()).as(afterCommand.body()).isBetween(200, 201);
        String separator = path.contains("?") ? "&" : "?";
        Http.Response response = queries.get(path + separator + "minPosition=" + afterCommand.position(), token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
