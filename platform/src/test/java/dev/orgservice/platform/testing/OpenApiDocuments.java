package dev.orgservice.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the document tests of both services look up in a /v3/api-docs document, each found thing keyed by where it
 * is ("POST /api/v1/tenants/{tenantId}/units", "UnitView.asOf"), so that a failing assertion names it.
 */
public final class OpenApiDocuments {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiDocuments() {
    }

    /** Every operation, keyed "METHOD path". */
    public static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    /** Every parameter of every operation, keyed "METHOD path in:name". */
    public static Map<String, JsonNode> parameters(JsonNode document) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        operations(document).forEach((operation, node) -> node.path("parameters").forEach(parameter ->
                parameters.put(operation + " " + parameter.get("in").asText() + ":" + parameter.get("name").asText(),
                        parameter)));
        return parameters;
    }

    /** The keys of those without a description. */
    public static List<String> undescribed(Map<String, JsonNode> nodes) {
        return nodes.entrySet().stream().filter(node -> node.getValue().path("description").asText().isBlank())
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The path parameters whose schema has neither a format (uuid) nor a pattern; but a feature key, which the
     * tenant's plan decides, not a shape.
     */
    public static List<String> pathParametersWithoutShape(JsonNode document) {
        return parameters(document).entrySet().stream()
                .filter(parameter -> parameter.getKey().contains(" path:") && !parameter.getKey().endsWith(" path:key"))
                .filter(parameter -> !parameter.getValue().path("schema").has("format")
                        && !parameter.getValue().path("schema").has("pattern"))
                .map(Map.Entry::getKey).toList();
    }

    /** The keys of the schema properties that are not a {@code string} of {@code format: date-time}. */
    public static List<String> notDateTime(Map<String, JsonNode> properties) {
        return properties.entrySet().stream().filter(property -> !property.getValue().path("type").asText().equals("string")
                        || !property.getValue().path("format").asText().equals("date-time"))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The schema property of every {@code Instant} in the records a request body takes, keyed "Schema.property"
     * (a property the document does not have is a missing node).
     */
    public static Map<String, JsonNode> requestInstants(JsonNode document, Collection<HandlerMethod> handlers) {
        Set<Class<?>> records = new LinkedHashSet<>();
        handlers.stream().filter(OpenApiDocuments::ours).flatMap(handler -> Arrays.stream(handler.getMethodParameters()))
                .filter(parameter -> parameter.hasParameterAnnotation(RequestBody.class))
                .forEach(parameter -> collectRecords(parameter.getGenericParameterType(), records));
        return instants(document, records);
    }

    /** The schema property of every {@code Instant} in the records the handlers answer, keyed "Schema.property". */
    public static Map<String, JsonNode> responseInstants(JsonNode document, Collection<HandlerMethod> handlers) {
        Set<Class<?>> records = new LinkedHashSet<>();
        handlers.stream().filter(OpenApiDocuments::ours)
                .forEach(handler -> collectRecords(handler.getMethod().getGenericReturnType(), records));
        return instants(document, records);
    }

    private static boolean ours(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("dev.orgservice");
    }

    private static Map<String, JsonNode> instants(JsonNode document, Set<Class<?>> records) {
        Map<String, JsonNode> instants = new LinkedHashMap<>();
        for (Class<?> record : records) {
            JsonNode properties = document.at("/components/schemas/" + record.getSimpleName() + "/properties");
            Arrays.stream(record.getRecordComponents()).filter(component -> component.getType() == Instant.class)
                    .forEach(component -> instants.put(record.getSimpleName() + "." + component.getName(),
                            properties.path(component.getName())));
        }
        return instants;
    }

    /** The records a type is or holds (in a list, a page, a ResponseEntity), and theirs, once each. */
    private static void collectRecords(Type type, Set<Class<?>> records) {
        if (type instanceof ParameterizedType parameterized) {
            collectRecords(parameterized.getRawType(), records);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> collectRecords(argument, records));
        } else if (type instanceof Class<?> record && record.isRecord() && records.add(record)) {
            Arrays.stream(record.getRecordComponents())
                    .forEach(component -> collectRecords(component.getGenericType(), records));
        }
    }
}
