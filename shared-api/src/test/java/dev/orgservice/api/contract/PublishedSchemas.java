package dev.orgservice.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.orgservice.api.EventContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The schemas in docs/schemas, as a consumer would validate against them. */
final class PublishedSchemas {

    static final Path FOLDER = Path.of("..", "docs", "schemas");

    /** Draft 2020-12 treats {@code format} as a note only; the contract means it (uuid, date-time), so it is asserted. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private PublishedSchemas() {
    }

    static Path fileOf(Class<?> event) {
        return FOLDER.resolve(EventContract.typeOf(event) + ".schema.json");
    }

    /** What is wrong with {@code json} as the payload of {@code event}, as readable lines; empty when it is valid. */
    static List<String> violations(Class<?> event, JsonNode json) {
        Schema schema;
        try {
            schema = REGISTRY.getSchema(Files.readString(fileOf(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema.validate(json).stream().map(Error::toString).toList();
    }
}
