package dev.orgservice.platform.eventstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC storage engine over the Flyway-owned tables in schema {@code event_store}. JDBC rather than
 * JPA: payloads are plain {@code bytea} (no Hibernate large objects) and the global index is a
 * {@code bigserial} with no pre-allocated blocks, so restarts leave no false gaps.
 */
@Configuration
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreConfiguration {

    public static final String EVENT_TABLE = "event_store.domain_event_entry";
    public static final String SNAPSHOT_TABLE = "event_store.snapshot_event_entry";
    /** The first value of {@code global_index} (a {@code bigserial}), as Axon assumes by default. */
    private static final long FIRST_GLOBAL_INDEX = 1;

    /**
     * A handler that fails makes its processor fail and retry (tracking: with back-off; subscribing: the
     * command fails) instead of Axon's default of logging and skipping the event, which would silently
     * leave a read model or lookup table behind the event store.
     */
    @Bean
    ConfigurerModule handlerFailuresAreNeverSkipped() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_TABLE)
                .snapshotTable(SNAPSHOT_TABLE)
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Axon's embedded store, polling the database every {@code pollIntervalMs} when idle (Axon's default is
     * 1 s): events appended by another process, the command side, reach the projections within that time.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.pollIntervalMs())
                .build();
    }

    /** Recognises the duplicate (aggregate, sequence) key of a concurrent append as a concurrency conflict. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /**
     * Jackson interns every field name it reads, by default. A tree snapshot is maps keyed by unit and position
     * ids, 300,000 distinct names for the benchmark's 100k-unit tree, and {@code String.intern} was a quarter of
     * loading it (docs/benchmarks.md). The application's mapper, which Axon's serializers use, no longer interns
     * (Jackson 3 no longer does by default); names are still canonicalized.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer uninternedFieldNames() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().disable(JsonFactory.Feature.INTERN_FIELD_NAMES));
    }

    /**
     * The events' serializer as Axon's auto-configuration would build it from {@code axon.serializer.events: jackson}
     * (the application's mapper, Axon's revision resolver and converters), minus two per-event lookups on the read
     * path ({@link StoredEventSerializer}). Axon's own bean backs off for this one.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver) {
        return StoredEventSerializer.of(JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(EventStoreConfiguration.class.getClassLoader()))
                .objectMapper(objectMapper));
    }

    @Bean
    SnapshotSerialization snapshotSerialization(ObjectMapper objectMapper, RevisionResolver revisionResolver) {
        return new SnapshotSerialization(objectMapper, revisionResolver);
    }

    @Bean
    EventStorageEngine eventStorageEngine(SnapshotSerialization snapshots,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          EventStoreProperties properties,
                                          ObjectProvider<AppendedPositionListener> appendedPositions,
                                          ObjectProvider<AppendPrecondition> precondition) {
        var builder = JdbcEventStorageEngine.builder();
        // the side that appends wants each append's position; the side that only reads has no listener
        appendedPositions.ifAvailable(listener -> builder.appendEvents(new PositionReturningAppend(listener,
                precondition.getIfAvailable(() -> () -> null))));
        builder.snapshotSerializer(snapshots.serializer())
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(properties.batchSize());
        return new ParsedTimestampStorageEngine(builder, eventSchema, properties.gapTimeoutMs(),
                properties.maxGapOffset(), FIRST_GLOBAL_INDEX);
    }
}
