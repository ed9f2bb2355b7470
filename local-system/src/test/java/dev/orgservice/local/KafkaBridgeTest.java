package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.command.CommandSideApplication;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kafka contract as a downstream consumer sees it, on a real (embedded KRaft) broker. */
class KafkaBridgeTest {

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext commandSide;
    private static Http commands;

    @BeforeAll
    static void brokerAndPublishingCommandSide() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, "org.tenant.events.v1", "org.structure.events.v1");
        broker.afterPropertiesSet();
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().properties());
        properties.put("ORG_COMMAND_PORT", "0");
        properties.put("ORG_KAFKA_ENABLED", "true");
        properties.put("ORG_KAFKA_BOOTSTRAP_SERVERS", broker.getBrokersAsString());
        commandSide = CommandSideApplication.builder().properties(properties).run("--server.shutdown=immediate");
        commands = Http.onPort(Integer.parseInt(commandSide.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        commandSide.close();
        broker.destroy();
    }

    @Test
    void publishesEveryEventAsACloudEventKeyedByAggregateWithTenantAndCorrelationHeaders() throws Exception {
        String admin = TestTokens.platformAdmin();
        Http.Response created = commands.send("POST", "/api/v1/tenants", admin,
                Http.newTenant("kf-" + UUID.randomUUID().toString().substring(0, 8), "ENTERPRISE"),
                Map.of("X-Correlation-Id", "kafka-corr-1"));
        String tenant = created.json().get("tenantId").asText();
        commands.post("/api/v1/tenants/" + tenant + "/activate", admin, "{}");
        String editor = TestTokens.forTenant(UUID.fromString(tenant), "ed", "ORG_EDITOR");
        String root = commands.post("/api/v1/tenants/" + tenant + "/units", editor,
                "{\"type\":\"LEGAL_ENTITY\",\"code\":\"LE\",\"name\":\"le\",\"country\":\"DE\",\"currency\":\"EUR\"}")
                .json().get("unitId").asText();
        String dept = commands.post("/api/v1/tenants/" + tenant + "/units", editor,
                "{\"type\":\"DEPARTMENT\",\"code\":\"D\",\"name\":\"d\",\"parentId\":\"" + root + "\"}")
                .json().get("unitId").asText();
        String other = commands.post("/api/v1/tenants/" + tenant + "/units", editor,
                "{\"type\":\"DEPARTMENT\",\"code\":\"E\",\"name\":\"e\",\"parentId\":\"" + root + "\"}")
                .json().get("unitId").asText();
        assertThat(commands.post("/api/v1/tenants/" + tenant + "/units/" + dept + "/move", editor,
                "{\"newParentId\":\"" + other + "\",\"effectiveFrom\":\"2030-01-01\"}").status()).isEqualTo(200);

        List<String> storedIds = storedEventIds(tenant);
        List<ConsumerRecord<String, byte[]>> records = consume(storedIds.size());
        List<ConsumerRecord<String, byte[]>> mine = records.stream()
                .filter(r -> tenant.equals(header(r, "tenant_id"))).toList();
        assertThat(mine).extracting(r -> header(r, "ce_id")).containsExactlyInAnyOrderElementsOf(storedIds);

        ConsumerRecord<String, byte[]> createdRecord = mine.stream()
                .filter(r -> "org.tenant.TenantCreated.v1".equals(header(r, "ce_type"))).findFirst().orElseThrow();
        assertThat(createdRecord.topic()).isEqualTo("org.tenant.events.v1");
        assertThat(createdRecord.key()).isEqualTo(tenant);
        assertThat(header(createdRecord, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(createdRecord, "ce_source")).isEqualTo("/org-service/" + tenant);
        assertThat(header(createdRecord, "correlation_id")).isEqualTo("kafka-corr-1");
        assertThat(header(createdRecord, "ce_time")).isNotBlank();
        JsonNode payload = new ObjectMapper().readTree(createdRecord.value());
        assertThat(payload.get("tenantId").asText()).isEqualTo(tenant);

        ConsumerRecord<String, byte[]> moved = mine.stream()
                .filter(r -> "org.structure.UnitMoved.v1".equals(header(r, "ce_type"))).findFirst().orElseThrow();
        assertThat(moved.topic()).isEqualTo("org.structure.events.v1");
        assertThat(moved.key()).isEqualTo("org-tree-" + tenant);
        assertThat(new ObjectMapper().readTree(moved.value()).get("effectiveFrom").asText()).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(mine.stream().map(r -> header(r, "ce_type")).filter(t -> t.contains("dev.orgservice"))).isEmpty();

        ReferenceConsumer consumer = new ReferenceConsumer();
        records.forEach(consumer::accept);
        records.forEach(consumer::accept);
        assertThat(consumer.handledFor(tenant)).extracting(ReferenceConsumer.Handled::eventId)
                .containsExactlyInAnyOrderElementsOf(storedIds);
        assertThat(consumer.duplicates()).as("a redelivered batch is recognised by ce_id").isEqualTo(records.size());

        String metrics = commands.send("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain")).body();
        assertThat(metrics).contains("org_kafka_publisher_lag", "org_kafka_published_total{event_type=\"org.tenant.TenantCreated.v1\",service=\"org-command-side\"}",
                "org_kafka_publish_failures_total{event_type=\"org.tenant.TenantCreated.v1\",service=\"org-command-side\"}");
    }

    private static List<ConsumerRecord<String, byte[]>> consume(int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of("org.tenant.events.v1", "org.structure.events.v1"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (records.size() < atLeast && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static List<String> storedEventIds(String tenant) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement query = db.prepareStatement(
                "select event_identifier from event_store.domain_event_entry where aggregate_identifier in (?, ?)")) {
            query.setString(1, tenant);
            query.setString(2, "org-tree-" + tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
