package dev.orgservice.benchmarks;

import dev.orgservice.command.CommandSideApplication;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.query.QuerySideApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Both services in this JVM on the test database, as {@code RunningSystem} starts them for the end-to-end tests
 * (random ports), plus what the benchmark needs beyond that: a restart of the command side (to time a cold
 * tree) and a client with a long timeout for the bulk imports (the test client gives up after 30 s). The Kafka
 * benchmark starts the command side alone, with its publisher on.
 */
final class Services implements AutoCloseable {

    private static final HttpClient BULK_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, Object> properties;
    private ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;
    private Http commands;
    private final Http queries;
    private final int queryPort;

    private Services(Map<String, Object> properties, boolean withQuerySide) {
        this.properties = properties;
        commandSide = CommandSideApplication.builder().properties(properties).run();
        querySide = withQuerySide ? QuerySideApplication.builder().properties(properties).run() : null;
        commands = Http.onPort(port(commandSide));
        queryPort = withQuerySide ? port(querySide) : -1;
        queries = withQuerySide ? Http.onPort(queryPort) : null;
    }

    static Services start() {
        return new Services(properties(Map.of()), true);
    }

    /** The command side alone, with {@code overrides} on top of the test database's properties. */
    static Services commandSideOnly(Map<String, String> overrides) {
        return new Services(properties(overrides), false);
    }

    private static Map<String, Object> properties(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().properties());
        properties.put("ORG_COMMAND_PORT", "0");
        properties.put("ORG_QUERY_PORT", "0");
        // readable log lines instead of ECS JSON, as the local run has them
        properties.put("ORG_LOG_FORMAT", "");
        properties.putAll(overrides);
        return properties;
    }

    ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    Http commands() {
        return commands;
    }

    Http queries() {
        return queries;
    }

    /** A load client's own connection to the query side. */
    KeepAliveHttp queryConnection() {
        return new KeepAliveHttp(queryPort);
    }

    /** A load client's own connection to the command side (as it runs now: a restart changes its port). */
    KeepAliveHttp commandConnection() {
        return new KeepAliveHttp(port(commandSide));
    }

    /** Stops the command side and starts a fresh one: no cached tree, as after a deployment. Answers the seconds. */
    double restartCommandSide() {
        long start = System.nanoTime();
        commandSide.close();
        commandSide = CommandSideApplication.builder().properties(properties).run();
        commands = Http.onPort(port(commandSide));
        return (System.nanoTime() - start) / 1e9;
    }

    /** A POST that may take minutes (bulk imports), over HTTP/1.1 like the test client's requests. */
    Http.Response postSlowly(String path, String token, String body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(commandSide) + path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = BULK_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            return new Http.Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests a service has served for one URI template, and their total time, as its Micrometer metrics say. */
    record ServerTime(double count, double seconds) {

        ServerTime since(ServerTime before) {
            return new ServerTime(count - before.count, seconds - before.seconds);
        }

        double meanMillis() {
            return count == 0 ? Double.NaN : 1000 * seconds / count;
        }
    }

    /**
     * The server's own view of a request ({@code http.server.requests}, from the filter that wraps security,
     * the controller and the JSON): what the client's latency has on top of it is the client and the socket.
     */
    ServerTime serverTime(boolean commandSide, String uriTemplate) {
        int port = commandSide ? port(this.commandSide) : queryPort;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            String metrics = BULK_CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
            double count = 0;
            double seconds = 0;
            String uri = "uri=\"" + uriTemplate + "\"";
            for (String line : metrics.split("\n")) {
                if (line.contains(uri) && line.startsWith("http_server_requests_seconds_count{")) {
                    count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.contains(uri) && line.startsWith("http_server_requests_seconds_sum{")) {
                    seconds += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return new ServerTime(count, seconds);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the metrics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (querySide != null) {
            querySide.close();
        }
        commandSide.close();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
