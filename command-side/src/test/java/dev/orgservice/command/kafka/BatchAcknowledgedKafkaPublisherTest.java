package dev.orgservice.command.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.structure.UnitMovedEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the publisher changes from the extension's: a batch's records all go out before the first acknowledgement
 * is awaited (the extension's {@code send} waits for each one, which here would time out on the first record),
 * and the batch only commits, token included, once every record is acknowledged. Kafka's own
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

    @Test
    void sendsTheWholeBatchBeforeWaitingAndCommitsOnceEveryRecordIsAcknowledged() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(5_000);
        List<EventMessage<?>> batch = events(3);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
        batch.forEach(publisher::send);

        // the broker acknowledges only once all three are out; the batch commits (on its own thread) after that
        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            await(() -> producer.history().size() == 3);
            IntStream.range(0, 3).forEach(i -> producer.completeNext());
        });
        unitOfWork.commit();
        broker.join();
        assertThat(producer.history()).extracting(record -> record.key())
                .containsExactly("org-tree-1", "org-tree-1", "org-tree-1");
    }

    @Test
    void aRecordThatIsNeverAcknowledgedFailsTheBatchBeforeItCommits() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(300);
        List<EventMessage<?>> batch = events(2);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
        batch.forEach(publisher::send);

        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            await(() -> producer.history().size() == 2);
            producer.completeNext();
        });
        assertThatThrownBy(unitOfWork::commit).isInstanceOf(EventPublicationFailedException.class);
        broker.join();
        assertThat(unitOfWork.isRolledBack()).as("the token is not stored either").isTrue();
    }

    @Test
    void aBrokerThatIsSlowButAnsweringIsWaitedFor() {
        // acknowledgements 150 ms apart, 750 ms for the batch: each within the 300 ms timeout of the one before
        BatchAcknowledgedKafkaPublisher publisher = publisher(300);
        List<EventMessage<?>> batch = events(5);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
        batch.forEach(publisher::send);

        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            await(() -> producer.history().size() == 5);
            for (int i = 0; i < 5; i++) {
                sleep(150);
                producer.completeNext();
            }
        });
        unitOfWork.commit();
        broker.join();
        assertThat(unitOfWork.isRolledBack()).isFalse();
    }

    @Test
    void aRecordRefusedAtOnceStopsTheRestOfTheBatch() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(5_000, new CloudEventsRecordConverter(serializer) {
            @Override
            public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
                if (((GenericDomainEventMessage<?>) event).getSequenceNumber() == 1) {
                    throw new IllegalStateException("record too large");
                }
                return super.createKafkaMessage(event, topic);
            }
        });
        List<EventMessage<?>> batch = events(3);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
        batch.forEach(publisher::send);

        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            await(() -> producer.history().size() == 1);
            producer.completeNext();
        });
        assertThatThrownBy(unitOfWork::commit).isInstanceOf(EventPublicationFailedException.class);
        broker.join();
        assertThat(producer.history()).as("nothing after the refused record").hasSize(1);
    }

    @Test
    void aBatchOfManyChunksGoesOutInItsOrder() {
        BatchAcknowledgedKafkaPublisher publisher = publisher(5_000);
        List<EventMessage<?>> batch = events(1_001);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
        batch.forEach(publisher::send);

        CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> {
            for (int acknowledged = 0; acknowledged < batch.size(); ) {
                acknowledged += producer.completeNext() ? 1 : 0;
            }
        });
        unitOfWork.commit();
        broker.join();
        assertThat(producer.history()).extracting(record -> record.headers().lastHeader("ce_id").value())
                .extracting(String::new).containsExactlyElementsOf(batch.stream().map(EventMessage::getIdentifier).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private BatchAcknowledgedKafkaPublisher publisher(long ackTimeoutMillis) {
        return publisher(ackTimeoutMillis, new CloudEventsRecordConverter(serializer));
    }

    private BatchAcknowledgedKafkaPublisher publisher(long ackTimeoutMillis,
                                                      KafkaMessageConverter<String, byte[]> converter) {
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
        return new BatchAcknowledgedKafkaPublisher(producers, converter,
                event -> Optional.of("org.structure.events.v1"), serializer, NoOpMessageMonitor.INSTANCE,
                ackTimeoutMillis);
    }

    private static List<EventMessage<?>> events(int count) {
        UUID tenant = UUID.randomUUID();
        return IntStream.range(0, count).<EventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>(
                "OrganizationTree", "org-tree-1", i, new UnitMovedEvent(tenant, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Instant.EPOCH))).toList();
    }
}
