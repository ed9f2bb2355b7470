package dev.orgservice.command.kafka;

import dev.orgservice.api.EventContract;
import dev.orgservice.platform.eventstore.EventStoreProperties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Optional;

/**
 * The Kafka bridge: the axon-kafka extension publishes from a tracking processor over the event store and waits
 * for the broker's acknowledgement of every record ({@code confirmation-mode: wait_for_ack}), per batch
 * ({@link BatchAcknowledgedKafkaPublisher}): while the broker is down the processor retries and its token stays
 * put, so nothing is lost; commands never wait for Kafka.
 */
@Configuration
@ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaConfiguration {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    /** Events per publisher batch, i.e. per token update: the property and its default. */
    public static final String BATCH_SIZE_PROPERTY = "org.kafka.publisher-batch-size";
    public static final int DEFAULT_BATCH_SIZE = 5000;
    public static final String READ_AHEAD_BYTES_PROPERTY = "org.kafka.publisher-read-ahead-bytes";
    /** 64 MiB: 10,000 ordinary events are about 5 MiB, so only a backlog of imports' large events meets the bound. */
    public static final long DEFAULT_READ_AHEAD_BYTES = 64L << 20;
    public static final String BATCH_BYTES_PROPERTY = "org.kafka.publisher-batch-bytes";
    /** 32 MiB: a batch of ordinary events (a few hundred bytes each) is never cut; one of imports is about 40 events. */
    public static final long DEFAULT_BATCH_BYTES = 32L << 20;
    /** How long a batch waits for each acknowledgement after the one before, before it fails and is retried. */
    private static final long ACK_TIMEOUT_MILLIS = 1_000;

    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer serializer) {
        return new CloudEventsRecordConverter(serializer);
    }

    /**
     * The topic of each event of the contract. An event whose type this version cannot resolve (recorded by a newer
     * version before a rollback, or a class renamed without an upcaster) fails the batch instead of being skipped:
     * skipped, it was lost for every consumer for good, the token moving past it; failing, it waits, logged, until a
     * version that knows it runs (found by a review, 2026-11-28).
     */
    @Bean
    TopicResolver topicResolver() {
        return event -> {
            if (UnknownSerializedType.class.equals(event.getPayloadType())) {
                throw new EventPublicationFailedException("Event " + event.getIdentifier() + " is of a type this "
                        + "version does not know; it is published once a version that knows it runs", null);
            }
            return EventContract.topicOf(event.getPayloadType());
        };
    }

    /** Replaces the extension's publisher (its auto-configuration backs off); everything around it stays. */
    @Bean(destroyMethod = "shutDown")
    KafkaPublisher<String, byte[]> kafkaPublisher(ProducerFactory<String, byte[]> axonKafkaProducerFactory,
                                                  KafkaMessageConverter<String, byte[]> kafkaMessageConverter,
                                                  TopicResolver topicResolver,
                                                  @Qualifier("eventSerializer") Serializer serializer,
                                                  org.axonframework.config.Configuration configuration) {
        return new BatchAcknowledgedKafkaPublisher(axonKafkaProducerFactory, kafkaMessageConverter, topicResolver,
                serializer, configuration.messageMonitor(KafkaPublisher.class, "kafkaPublisher"), ACK_TIMEOUT_MILLIS);
    }

    /**
     * The extension's {@code KafkaEventPublisher} bean, registered as it registers it (every event, errors
     * propagated so the processor retries from its token), except for the processor: a tracking processor (one
     * segment, one thread) reading the storage engine directly ({@link PollingEventSource}) through
     * {@link ReadAheadEventSource} (up to twice a batch, and {@code org.kafka.publisher-read-ahead-bytes} of
     * payloads), in batches of
     * {@code org.kafka.publisher-batch-size} events (and about {@code org.kafka.publisher-batch-bytes} of payloads) per
     * token update (a publisher restart after a crash resends at
     * most one batch; 5,000 rather than Axon's 100: each batch ends in a token commit and a wait for the broker's
     * acknowledgements, docs/benchmarks.md, eleventh run), and counted by
     * {@link PublishedEventCounts} instead of Axon's per-message monitors. The extension's auto-configuration backs
     * off, so its {@code event-processor-mode} setting is not read.
     */
    @Bean
    KafkaEventPublisher<String, byte[]> kafkaEventPublisher(KafkaPublisher<String, byte[]> kafkaPublisher,
                                                            EventProcessingConfigurer processing,
                                                            MeterRegistry registry,
                                                            EventStorageEngine storageEngine,
                                                            EventStoreProperties eventStore,
                                                            @Qualifier("eventSerializer") Serializer serializer,
                                                            @Value("${" + BATCH_SIZE_PROPERTY + ":" + DEFAULT_BATCH_SIZE + "}") int batchSize,
                                                            @Value("${" + READ_AHEAD_BYTES_PROPERTY + ":" + DEFAULT_READ_AHEAD_BYTES + "}") long readAheadBytes,
                                                            @Value("${" + BATCH_BYTES_PROPERTY + ":" + DEFAULT_BATCH_BYTES + "}") long batchBytes) {
        KafkaEventPublisher<String, byte[]> publisher = KafkaEventPublisher.<String, byte[]>builder()
                .processingGroup(PROCESSING_GROUP).kafkaPublisher(kafkaPublisher).build();
        processing.registerEventHandler(configuration -> publisher)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance())
                .assignHandlerTypesMatching(PROCESSING_GROUP, type -> type.isAssignableFrom(KafkaEventPublisher.class))
                .registerTrackingEventProcessor(PROCESSING_GROUP,
                        configuration -> new ReadAheadEventSource(new PollingEventSource(storageEngine,
                                Duration.ofMillis(eventStore.pollIntervalMs())), 2 * batchSize, readAheadBytes,
                                batchBytes, ReadAheadEventSource.payloadBytes(serializer), "kafka-publisher-read-ahead"),
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize))
                .registerMessageMonitor(PROCESSING_GROUP, configuration -> new PublishedEventCounts(registry));
        return publisher;
    }

    /**
     * {@code org.kafka.publisher.lag}: events stored but not yet published by this instance's publisher (event
     * store head minus the lowest position of its segments). An instance that does not hold the publisher's segment
     * (another instance publishes) reports NaN, not the whole store: it has no lag of its own, and an alert on
     * "lag above 0" would otherwise fire for as long as it runs. Published and failed counts:
     * {@link PublishedEventCounts}.
     */
    @Bean
    MeterBinder kafkaPublisherLag(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        return registry -> Gauge.builder("org.kafka.publisher.lag", () -> {
                    var publisher = processing.eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class);
                    if (publisher.isEmpty() || publisher.get().processingStatus().isEmpty()) {
                        return Double.NaN;
                    }
                    long head = Optional.ofNullable(jdbc.queryForObject(
                            "select max(global_index) from event_store.domain_event_entry", Long.class)).orElse(0L);
                    long position = publisher.get().processingStatus().values().stream()
                            .mapToLong(status -> status.getCurrentPosition().orElse(0L)).min().orElse(0L);
                    return (double) Math.max(0, head - position);
                })
                .description("Events in the store not yet published to Kafka")
                .register(registry);
    }
}
