package dev.orgservice.local;

import dev.orgservice.command.CommandSideApplication;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.orgservice.local.KafkaBridgeTest.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker, a separate process, dies in the middle of a stream of commands and comes back: commands keep
 * succeeding, and afterwards every stored event is on Kafka, in order per key once redelivered duplicates are
 * removed. Duplicates are allowed (at-least-once) and counted.
 */
class KafkaOutageTest {

    @TempDir
    Path kafkaData;

    @Test
    void losesNoEventAndKeepsOrderPerKeyWhenTheBrokerIsDownForAWhile() throws Exception {
        int port = freePort();
        File logDirectory = kafkaData.resolve("broker").toFile();
        Process broker = startBroker(port, logDirectory);
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().properties());
        properties.put("ORG_COMMAND_PORT", "0");
        properties.put("ORG_KAFKA_ENABLED", "true");
        properties.put("ORG_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + port);
        ConfigurableApplicationContext commandSide = CommandSideApplication.builder().properties(properties)
                .run("--server.shutdown=immediate");
        try {
            Http commands = Http.onPort(Integer.parseInt(commandSide.getEnvironment().getProperty("local.server.port")));
            String admin = TestTokens.platformAdmin();
            String tenant = commands.post("/api/v1/tenants", admin, Http.newTenant("out-" + UUID.randomUUID().toString()
                    .substring(0, 8), "ENTERPRISE")).json().get("tenantId").asText();
            commands.post("/api/v1/tenants/" + tenant + "/activate", admin, "{}");
            String editor = TestTokens.forTenant(UUID.fromString(tenant), "ed", "ORG_EDITOR");
            String root = commands.post("/api/v1/tenants/" + tenant + "/units", editor,
                    "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT\",\"name\":\"r\",\"country\":\"DE\",\"currency\":\"EUR\"}")
                    .json().get("unitId").asText();

            for (int i = 0; i < 90; i++) {
                if (i == 30) {
                    broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
                if (i == 60) {
                    broker = startBroker(port, logDirectory);
                }
                Http.Response response = i % 3 == 0
                        ? commands.patch("/api/v1/tenants/" + tenant + "/configuration", admin, "{\"name\":\"n" + i + "\"}")
                        : commands.post("/api/v1/tenants/" + tenant + "/units", editor, "{\"type\":\"DEPARTMENT\",\"code\":\"D"
                        + i + "\",\"name\":\"d\",\"parentId\":\"" + root + "\"}");
                assertThat(response.status()).as("command %d while the broker is %s", i,
                        i >= 30 && i < 60 ? "down" : "up").isBetween(200, 201);
                Thread.sleep(50);
            }

            Map<String, List<String>> stored = storedIdsByAggregate(tenant);
            int total = stored.values().stream().mapToInt(List::size).sum();
            Map<String, List<String>> consumed = consumeUntilAllSeen(port, tenant, total);
            int duplicates = 0;
            for (var entry : stored.entrySet()) {
                List<String> received = consumed.getOrDefault(entry.getKey(), List.of());
                List<String> distinctInOrder = new ArrayList<>(new LinkedHashSet<>(received));
                duplicates += received.size() - distinctInOrder.size();
                assertThat(distinctInOrder).as("events of %s, in order, none lost", entry.getKey())
                        .containsExactlyElementsOf(entry.getValue());
            }
            System.out.printf("kafka outage: %d events stored, all published; %d redelivered duplicates%n", total,
                    duplicates);
        } finally {
            commandSide.close();
            broker.destroyForcibly();
        }
    }

    private static Map<String, List<String>> consumeUntilAllSeen(int port, String tenant, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of("org.tenant.events.v1", "org.structure.events.v1"));
            long deadline = System.currentTimeMillis() + 120_000;
            while (seen.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (tenant.equals(header(record, "tenant_id"))) {
                        byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(header(record, "ce_id"));
                        seen.add(header(record, "ce_id"));
                    }
                }
            }
        }
        return byKey;
    }

    private static Map<String, List<String>> storedIdsByAggregate(String tenant) throws Exception {
        Map<String, List<String>> byAggregate = new LinkedHashMap<>();
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement query = db.prepareStatement("""
                select aggregate_identifier, event_identifier from event_store.domain_event_entry
                where aggregate_identifier in (?, ?) order by aggregate_identifier, sequence_number""")) {
            query.setString(1, tenant);
            query.setString(2, "org-tree-" + tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byAggregate.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return byAggregate;
    }

    private static Process startBroker(int port, File logDirectory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LocalKafkaBroker.class.getName(), Integer.toString(port), logDirectory.getAbsolutePath())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream()));
        long deadline = System.currentTimeMillis() + 60_000;
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("BROKER READY")) {
                Thread drain = new Thread(() -> output.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return process;
            }
            if (System.currentTimeMillis() > deadline) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the Kafka broker process did not start");
    }

    private static int freePort() throws Exception {
        while (true) {
            try (ServerSocket a = new ServerSocket(0)) {
                int port = a.getLocalPort();
                try (ServerSocket b = new ServerSocket(port + 1)) {
                    return port;
                } catch (Exception busy) {
                    // the controller needs the next port too; try another
                }
            }
        }
    }
}
