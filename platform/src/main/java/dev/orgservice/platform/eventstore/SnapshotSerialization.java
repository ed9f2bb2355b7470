package dev.orgservice.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * How aggregate snapshots are written and read: the events' JSON, but every instant as a number (seconds with
 * nanoseconds, {@code 1795953600.123456000}) instead of ISO text. A 100,000-unit tree's snapshot holds about 1.4
 * million instants (every parent, status, stay, role, line and holding has one), and parsing them as text was 40% of
 * reading the snapshot, which is most of a cold load (docs/benchmark-log.md, thirty-seventh run). Snapshots are this
 * service's own cache, not a contract: a snapshot written before, with text instants, still reads, as Jackson reads
 * an instant either way.
 * <p>
 * Not a {@link Serializer} bean: a second one would make Axon's auto-configuration back off its own.
 */
public final class SnapshotSerialization {

    private final Serializer serializer;

    SnapshotSerialization(ObjectMapper objectMapper, RevisionResolver revisionResolver) {
        this.serializer = JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(SnapshotSerialization.class.getClassLoader()))
                .objectMapper(objectMapper.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
                .build();
    }

    public Serializer serializer() {
        return serializer;
    }
}
