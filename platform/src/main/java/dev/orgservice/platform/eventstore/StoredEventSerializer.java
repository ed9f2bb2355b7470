package dev.orgservice.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer for events, without two costs it pays per event read from the store (profile of the
 * Kafka publisher's read-ahead, docs/benchmarks.md): it resolves every stored type name with {@code Class.forName}
 * (payload and metadata: 15% of the thread), and its metadata deserializer looks up and contextualizes Jackson's
 * map deserializer for each event (10%). Here a type resolves once per name and revision, and the metadata's map
 * deserializer is looked up once per mapper. What is read and written is unchanged.
 */
public class StoredEventSerializer extends JacksonSerializer {

    private final Map<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    protected StoredEventSerializer(Builder builder) {
        super(builder);
        // registered after Axon's own MetaData deserializer, so it is the one Jackson finds first
        getObjectMapper().registerModule(new SimpleModule("org-service-metadata")
                .addDeserializer(MetaData.class, new MetaDataDeserializer()));
    }

    /** Built like Axon's serializer ({@link JacksonSerializer#builder()}). */
    public static StoredEventSerializer of(Builder builder) {
        return new StoredEventSerializer(builder);
    }

    /**
     * Unknown types are remembered too (as Axon's {@code UnknownSerializedType}): the classes of a running service
     * do not change, and an upcaster or a newer version names its types differently. Only Axon's value type is a
     * key (name and revision): another implementation might compare by identity and grow the map per event.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return type instanceof SimpleSerializedType ? classes.computeIfAbsent(type, super::classForType)
                : super.classForType(type);
    }

    /**
     * Axon's metadata deserializer, with the map deserializer resolved once per mapper instead of per event: Jackson
     * contextualizes a root deserializer once and keeps the result in the mapper's own cache, so a copy of the
     * mapper (with modules of its own) resolves its own map deserializer.
     */
    static final class MetaDataDeserializer extends StdDeserializer<MetaData> implements ContextualDeserializer {

        private final JsonDeserializer<Object> map;

        MetaDataDeserializer() {
            this(null);
        }

        private MetaDataDeserializer(JsonDeserializer<Object> map) {
            super(MetaData.class);
            this.map = map;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JavaType type = context.getTypeFactory().constructMapType(HashMap.class, String.class, Object.class);
            return new MetaDataDeserializer(context.findRootValueDeserializer(type));
        }

        @Override
        @SuppressWarnings("unchecked")
        public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return MetaData.from((Map<String, ?>) map.deserialize(parser, context, new HashMap<String, Object>()));
        }

        /** As Axon's: metadata written with type information (a mapper with default typing) reads as an object. */
        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                                          TypeDeserializer typeDeserializer) throws IOException {
            return typeDeserializer.deserializeTypedFromObject(parser, context);
        }
    }
}
