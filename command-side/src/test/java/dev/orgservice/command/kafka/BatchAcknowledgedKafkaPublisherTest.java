package dev.orgservice.command.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.structure.UnitMovedEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.producer.ConfirmationMode;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the publisher changes from the extension's: a batch's records all go out before the first acknowledgement
 * is awaited (the extension's {@code send} waits for each one, which here would time out on the first record).
 * Untracked events: the batch only commits once every record is acknowledged. A tracking processor's batch:
 * commits at once, and its token is confirmed ({@link AcknowledgedBatches}) only once every record of it and of
 * the batches before it is acknowledged. Kafka's own
 * {@link MockProducer} stands in for the broker, acknowledging only when the test says so; the ordering and
 * outage behaviour against a real broker is in {@code KafkaBridgeTest} and {@code KafkaOutageTest}.
 */
class BatchAcknowledgedKafkaPublisherTest {

    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, new StringSerializer(),
            new ByteArraySerializer()) {
        @Override
        public void close() {
            // shared, like the extension's non-transactional producer: the publisher's close() leaves it open
        }
    };
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    private AcknowledgedBatches acknowledged;

    @Test
    void sendsTheWholeBatchBeforeWaitingAndCommitsOnceEveryRecordIsAcknowledged() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(5_000);
        List<EventMessage<?>> batch = events(3);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));

        batch.forEach(publisher::send);

        assertThat(producer.history()).as("all sent, none acknowledged yet").hasSize(3);
        CompletableFuture.runAsync(() -> IntStream.range(0, 3).forEach(i -> producer.completeNext()));
        unitOfWork.commit();
        assertThat(producer.history()).extracting(record -> record.key())
                .containsExactly("org-tree-1", "org-tree-1", "org-tree-1");
    }

    @Test
    void aRecordThatIsNeverAcknowledgedFailsTheBatchBeforeItCommits() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(200);
        List<EventMessage<?>> batch = events(2);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
        batch.forEach(publisher::send);
        producer.completeNext();

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(EventPublicationFailedException.class);
        assertThat(unitOfWork.isRolledBack()).as("the token is not stored either").isTrue();
    }

    @Test
    void aProcessorsBatchCommitsAtOnceAndItsTokenIsConfirmedOnceEveryRecordIsAcknowledged() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(5_000);
        List<EventMessage<?>> batch = tracked(events(3), 0);

        commit(publisher, batch);

        assertThat(acknowledged.confirm()).as("one batch may stay unconfirmed while the next is sent").isEmpty();
        IntStream.range(0, 3).forEach(i -> producer.completeNext());
        assertThat(acknowledged.confirm()).contains(new GlobalSequenceTrackingToken(2));
        assertThat(acknowledged.confirm()).as("confirmed once").isEmpty();
    }

    @Test
    void aThirdBatchWaitsForTheFirstAndAMissingAcknowledgementForgetsEveryUnconfirmedBatch() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(200);
        commit(publisher, tracked(events(2), 0));
        commit(publisher, tracked(events(2), 2));

        assertThatThrownBy(acknowledged::confirm).isInstanceOf(EventPublicationFailedException.class);

        IntStream.range(0, 4).forEach(i -> producer.completeNext());
        assertThat(acknowledged.confirmAll()).as("sent again from the stored token, not confirmed").isEmpty();
    }

    @Test
    void aBatchThatRollsBackIsNeverConfirmed() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(5_000);
        List<EventMessage<?>> batch = tracked(events(2), 0);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
        batch.forEach(publisher::send);
        unitOfWork.onPrepareCommit(u -> {
            throw new IllegalStateException("the token's transaction failed");
        });

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(IllegalStateException.class);
        IntStream.range(0, 2).forEach(i -> producer.completeNext());
        assertThat(acknowledged.confirmAll()).isEmpty();
    }

    private void commit(BatchAcknowledgedKafkaPublisher publisher, List<EventMessage<?>> batch) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
        batch.forEach(publisher::send);
        unitOfWork.commit();
    }

    /** The events as a tracking processor hands them over: with their positions {@code from}, {@code from + 1}... */
    private static List<EventMessage<?>> tracked(List<EventMessage<?>> events, long from) {
        return IntStream.range(0, events.size()).<EventMessage<?>>mapToObj(i -> new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(from + i), (DomainEventMessage<?>) events.get(i))).toList();
    }

    private BatchAcknowledgedKafkaPublisher publisher(long ackTimeoutMillis) {
        ProducerFactory<String, byte[]> producers = new ProducerFactory<>() {
            @Override
            public Producer<String, byte[]> createProducer() {
                return producer;
            }

            @Override
            public ConfirmationMode confirmationMode() {
                return ConfirmationMode.WAIT_FOR_ACK;
            }

            @Override
            public void shutDown() {
            }
        };
        acknowledged = new AcknowledgedBatches(ackTimeoutMillis);
        return new BatchAcknowledgedKafkaPublisher(producers, new CloudEventsRecordConverter(serializer),
                event -> Optional.of("org.structure.events.v1"), serializer, NoOpMessageMonitor.INSTANCE,
                acknowledged, ackTimeoutMillis);
    }

    private static List<EventMessage<?>> events(int count) {
        UUID tenant = UUID.randomUUID();
        return IntStream.range(0, count).<EventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>(
                "OrganizationTree", "org-tree-1", i, new UnitMovedEvent(tenant, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Instant.EPOCH))).toList();
    }
}
