package dev.orgservice.command.kafka;

import dev.orgservice.api.EventContract;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka bridge: the axon-kafka extension publishes from a tracking processor over the event store
 * ({@code axon.kafka.producer.event-processor-mode: tracking}) and waits for the broker's acknowledgement of
 * every record ({@code confirmation-mode: wait_for_ack}): while the broker is down the processor retries and
 * its token stays put, so nothing is lost; commands never wait for Kafka.
 */
@Configuration
@ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
public class KafkaConfiguration {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer serializer) {
        return new CloudEventsRecordConverter(serializer);
    }

    @Bean
    TopicResolver topicResolver() {
        return event -> EventContract.topicOf(event.getPayloadType());
    }

    /** Batches of events per token update, so a publisher restart after a crash resends at most one batch. */
    @Bean
    ConfigurerModule kafkaPublisherBatches(@Value("${org.kafka.publisher-batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(PROCESSING_GROUP,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }
}
