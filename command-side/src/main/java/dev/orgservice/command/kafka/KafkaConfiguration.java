package dev.orgservice.command.kafka;

import dev.orgservice.api.EventContract;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/**
 * The Kafka bridge: the axon-kafka extension publishes from a tracking processor over the event store
 * ({@code axon.kafka.producer.event-processor-mode: tracking}) and waits for the broker's acknowledgement of
 * every record ({@code confirmation-mode: wait_for_ack}), per batch ({@link BatchAcknowledgedKafkaPublisher}):
 * while the broker is down the processor retries and its token stays put, so nothing is lost; commands never
 * wait for Kafka.
 */
@Configuration
@ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaConfiguration {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    /** How long a batch waits for its acknowledgements before it fails and is retried (the extension's 1 s). */
    private static final long ACK_TIMEOUT_MILLIS = 1_000;

    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer serializer) {
        return new CloudEventsRecordConverter(serializer);
    }

    @Bean
    TopicResolver topicResolver() {
        return event -> EventContract.topicOf(event.getPayloadType());
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
     * {@code org.kafka.publisher.lag}: events stored but not yet published by this instance's publisher (event
     * store head minus the lowest position of its segments). Published and failed counts are the publisher
     * processor's own metrics: {@code eventProcessor_successCounter_total{processorName="kafka-publisher"}} and
     * {@code eventProcessor_failureCounter_total{...}}.
     */
    @Bean
    MeterBinder kafkaPublisherLag(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        return registry -> Gauge.builder("org.kafka.publisher.lag", () -> {
                    long head = Optional.ofNullable(jdbc.queryForObject(
                            "select max(global_index) from event_store.domain_event_entry", Long.class)).orElse(0L);
                    return processing.eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class)
                            .map(publisher -> publisher.processingStatus().values().stream()
                                    .mapToLong(status -> status.getCurrentPosition().orElse(0L)).min().orElse(0L))
                            .map(position -> Math.max(0, head - position)).orElse(head);
                })
                .description("Events in the store not yet published to Kafka")
                .register(registry);
    }

    /**
     * Batches of events per token update: a publisher restart after a crash resends at most one batch. 1,000
     * rather than Axon's 100: the per-batch waits (read, acknowledgements, token commit) bound the throughput
     * (docs/benchmarks.md: 15,600 -> 26,900 events/s, with the command side's store read batch at 1,000 too).
     */
    @Bean
    ConfigurerModule kafkaPublisherBatches(@Value("${org.kafka.publisher-batch-size:1000}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(PROCESSING_GROUP,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
