package dev.orgservice.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.EventContract;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded JSON must stay readable: the events in the store and on Kafka were written by earlier versions. One
 * golden payload per ce_type (src/test/resources/contract/v1, written once by hand, never regenerated: a test that
 * rewrote them would accept any change) must read into its record and write back as the same JSON, so renaming or
 * removing a field, or changing its type or format, fails here even when the published schema is updated with it.
 * Together the golden payloads set every field that may be absent (TenantCreated has the bare subscription a new
 * tenant gets, TenantSubscriptionChanged a full one).
 */
class GoldenEventsTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "contract", "v1");

    @Test
    void everyEventTypeHasAGoldenPayloadAndEveryGoldenPayloadAType() throws IOException {
        List<String> types = EventContract.EVENTS.stream().map(EventContract::typeOf).toList();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", "")))
                    .as("golden payloads in %s, named <ce_type>.json", GOLDEN)
                    .containsExactlyInAnyOrderElementsOf(types);
        }
    }

    @Test
    void everyGoldenPayloadReadsAndWritesBackAsTheSameJson() throws IOException {
        List<String> changed = new ArrayList<>();
        for (Class<?> event : EventContract.EVENTS) {
            JsonNode golden = golden(event);
            Object read = ServiceJson.MAPPER.treeToValue(golden, event);
            // written as text and read again, as a consumer sees it (an amount then parses as golden's did)
            JsonNode written = ServiceJson.MAPPER.readTree(ServiceJson.MAPPER.writeValueAsString(read));
            if (!written.equals(golden)) {
                changed.add(EventContract.typeOf(event) + ":\n  golden:  " + golden + "\n  written: " + written);
            }
        }
        assertThat(changed).as("events whose recorded JSON no longer reads and writes back the same").isEmpty();
    }

    @Test
    void everyGoldenPayloadIsValidAgainstItsPublishedSchema() throws IOException {
        for (Class<?> event : EventContract.EVENTS) {
            assertThat(PublishedSchemas.violations(event, golden(event))).as(EventContract.typeOf(event)).isEmpty();
        }
    }

    private static JsonNode golden(Class<?> event) throws IOException {
        return ServiceJson.MAPPER.readTree(GOLDEN.resolve(EventContract.typeOf(event) + ".json").toFile());
    }
}
