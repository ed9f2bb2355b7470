package dev.orgservice.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The instants of request bodies stay {@code date-time}, what a generated client writes and the service answers,
 * and say that they take a date too ({@link dev.orgservice.platform.time.FlexibleInstant}), in the words of the
 * {@code asOf} and {@code effectiveFrom} parameters ({@link SharedParameters}). A field's own description wins.
 */
public class RequestInstants implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> described = new HashSet<>();
        api.getPaths().values().stream().flatMap(path -> path.readOperations().stream())
                .map(Operation::getRequestBody).filter(Objects::nonNull)
                .flatMap(body -> body.getContent().values().stream())
                .forEach(media -> describe(media.getSchema(), schemas, described));
    }

    /** The instants of a body's schema and of those it refers to, each referred schema once. */
    private static void describe(Schema<?> schema, Map<String, Schema> schemas, Set<String> described) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (described.add(name)) {
                describe(schemas.get(name), schemas, described);
            }
            return;
        }
        describe(schema.getItems(), schemas, described);
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if ("date-time".equals(property.getFormat()) && property.getDescription() == null) {
                    property.setDescription(SharedParameters.instantOrDate(name));
                }
                describe(property, schemas, described);
            });
        }
    }
}
