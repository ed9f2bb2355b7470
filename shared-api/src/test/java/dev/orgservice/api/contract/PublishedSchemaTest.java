package dev.orgservice.api.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orgservice.api.EventContract;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the Kafka contract: the JSON Schema of every event, derived from its record, must equal the schema
 * published in docs/schemas (named by its CloudEvents type, which carries the revision). Changing an event
 * therefore fails here until it gets a new revision, an upcaster and a new schema file, or, for a compatible
 * addition, a deliberate update of the published schema (run with -Dcontract.write=true to rewrite the files).
 * This compares the records' reflection only; SerializedEventsTest and GoldenEventsTest check the JSON itself.
 */
class PublishedSchemaTest {

    private static final Path PUBLISHED = PublishedSchemas.FOLDER;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void everyEventMatchesItsPublishedSchema() throws Exception {
        boolean write = Boolean.getBoolean("contract.write");
        List<String> changed = new ArrayList<>();
        for (Class<?> event : EventContract.EVENTS) {
            String type = EventContract.typeOf(event);
            String derived = JSON.writeValueAsString(JsonSchemas.of(event, type)) + "\n";
            Path file = PUBLISHED.resolve(type + ".schema.json");
            if (write) {
                Files.createDirectories(PUBLISHED);
                Files.writeString(file, derived);
            } else if (!Files.exists(file) || !Files.readString(file).equals(derived)) {
                changed.add(type + " (" + event.getSimpleName() + ")");
            }
        }
        assertThat(changed).as("events whose shape differs from their published schema in docs/schemas: give the "
                + "event a new @Revision with an upcaster, or update the schema deliberately").isEmpty();
    }

    @Test
    void namesEveryEventTypeWithoutJavaClassNames() {
        for (Class<?> event : EventContract.EVENTS) {
            assertThat(EventContract.typeOf(event)).matches("org\\.(tenant|structure)\\.[A-Z][A-Za-z]+\\.v[0-9]+");
            assertThat(EventContract.topicOf(event)).isPresent();
        }
    }
}
