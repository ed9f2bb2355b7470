package dev.orgservice.api.contract;

import dev.orgservice.api.MayBeAbsent;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Derives the JSON Schema (draft 2020-12) of an event record from its components, the way Jackson writes it:
 * ids and instants as strings, enums as their names, nested records as objects. Every component is listed, and
 * every one is {@code required} unless it is marked {@link MayBeAbsent}: null fields are left out of the JSON, so
 * a component that is never null is in every event.
 */
final class JsonSchemas {

    private JsonSchemas() {
    }

    static Map<String, Object> of(Class<?> record, String title) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", title);
        schema.putAll(object(record));
        return schema;
    }

    private static Map<String, Object> object(Class<?> record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.put(component.getName(), type(component.getGenericType()));
            if (!component.isAnnotationPresent(MayBeAbsent.class)) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    /** Map.of iterates in a different order on every JVM; a published file needs one order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> type(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return ordered("type", "array", "items", type(arguments[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return ordered("type", "object", "additionalProperties", type(arguments[1]));
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return ordered("type", "string");
        }
        if (raw == UUID.class || raw.getSimpleName().endsWith("Id") && raw.isRecord()) {
            return ordered("type", "string", "format", "uuid");
        }
        if (raw == Instant.class) {
            return ordered("type", "string", "format", "date-time");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return ordered("type", "integer");
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return ordered("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return ordered("type", "boolean");
        }
        if (raw.isEnum()) {
            return ordered("type", "string", "enum", Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList());
        }
        if (raw.isRecord()) {
            return object(raw);
        }
        throw new IllegalArgumentException("no JSON Schema mapping for " + raw);
    }
}
