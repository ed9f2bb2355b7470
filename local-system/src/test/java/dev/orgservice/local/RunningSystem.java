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

import static org.assertj.core.api.Assertions.assertThat;

/** Both services started once per test JVM on the test database, as a user of the APIs meets them. */
abstract class RunningSystem {

    static final String ADMIN = TestTokens.platformAdmin();
    static final Http commands;
    static final Http queries;

    static {
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().properties());
        properties.put("ORG_COMMAND_PORT", "0");
        properties.put("ORG_QUERY_PORT", "0");
        ConfigurableApplicationContext commandSide = CommandSideApplication.builder().properties(properties).run();
        ConfigurableApplicationContext querySide = QuerySideApplication.builder().properties(properties).run();
        commands = Http.onPort(port(commandSide));
        queries = Http.onPort(port(querySide));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            querySide.close();
            commandSide.close();
        }));
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
