package dev.orgservice.platform.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredEventSerializerTest {

    private final JacksonSerializer axon = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
    private final StoredEventSerializer stored = StoredEventSerializer.of(JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()));

    @Test
    void readsMetadataAsAxonDoes() {
        MetaData written = MetaData.from(Map.of("tenantId", "7c9e", "userId", "u-1", "attempt", 3,
                "nested", Map.of("a", List.of(1, "two")), "missing", "")).and("none", null);
        for (JacksonSerializer writer : List.of(axon, stored)) {
            SerializedObject<byte[]> json = writer.serialize(written, byte[].class);
            var asStored = new SerializedMetaData<>(json.getData(), byte[].class);
            MetaData read = stored.deserialize(asStored);
            assertThat(read).isEqualTo(axon.<byte[], MetaData>deserialize(asStored)).isEqualTo(written);
            assertThat(stored.<byte[], MetaData>deserialize(asStored)).isEqualTo(read); // the resolved map deserializer again
        }
        var empty = new SerializedMetaData<>("{}".getBytes(), byte[].class);
        assertThat(stored.<byte[], MetaData>deserialize(empty)).isEqualTo(MetaData.emptyInstance());
    }

    @Test
    void aCopiedMapperReadsMetadataWithItsOwnModules() throws Exception {
        var asStored = stored.serialize(MetaData.with("userId", "u-1"), byte[].class);
        assertThat(stored.<byte[], MetaData>deserialize(asStored).get("userId")).isEqualTo("u-1"); // resolved here first
        ObjectMapper copy = stored.getObjectMapper().copy().registerModule(new SimpleModule()
                .addDeserializer(String.class, new StdDeserializer<>(String.class) {
                    @Override
                    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        return parser.getValueAsString().toUpperCase();
                    }
                }));
        assertThat(copy.readValue(asStored.getData(), MetaData.class).get("userId")).isEqualTo("U-1");
        assertThat(stored.<byte[], MetaData>deserialize(asStored).get("userId")).isEqualTo("u-1");
    }

    @Test
    void resolvesTypesAsAxonDoes() {
        var known = new SimpleSerializedType(MetaData.class.getName(), null);
        var unknown = new SimpleSerializedType("dev.orgservice.api.NoSuchEvent", "2");
        assertThat(stored.classForType(known)).isEqualTo(axon.classForType(known)).isEqualTo(MetaData.class);
        assertThat(stored.classForType(unknown)).isEqualTo(axon.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThat(stored.classForType(known)).isEqualTo(MetaData.class); // remembered
    }
}
