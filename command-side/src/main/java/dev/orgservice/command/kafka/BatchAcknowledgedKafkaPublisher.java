package dev.orgservice.command.kafka;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The extension's publisher, except that a batch's acknowledgements are awaited together. axon-kafka 4.9.0's
 * {@link KafkaPublisher#send} waits for each record's acknowledgement before it returns, so the tracking processor
 * had one record in flight at a time: one broker round trip per event (measured in docs/benchmarks.md). This
 * one sends every record of the processor's batch and waits for
 * all their acknowledgements when the batch prepares to commit. The processor stores its token in the same
 * transaction, so a missing acknowledgement rolls the token back with the batch and the batch is sent again:
 * delivery stays at least once, and the order per key is the producer's (idempotent, in order per partition).
 * Outside a unit of work, or in another confirmation mode, it is the extension's publisher unchanged.
 */
final class BatchAcknowledgedKafkaPublisher extends KafkaPublisher<String, byte[]> {

    private static final String PENDING = BatchAcknowledgedKafkaPublisher.class.getName() + ".pending";

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TopicResolver topics;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private final long ackTimeoutMillis;

    private record Pending(Future<RecordMetadata> ack, MonitorCallback monitor) {
    }

    BatchAcknowledgedKafkaPublisher(ProducerFactory<String, byte[]> producers,
                                    KafkaMessageConverter<String, byte[]> converter, TopicResolver topics,
                                    Serializer serializer, MessageMonitor<? super EventMessage<?>> monitor,
                                    long ackTimeoutMillis) {
        // the serializer only keeps the builder from creating (and warning about) an XStream default; the
        // converter does the serializing
        super(KafkaPublisher.<String, byte[]>builder().producerFactory(producers).messageConverter(converter)
                .serializer(serializer).topicResolver(topics).messageMonitor(monitor)
                .publisherAckTimeout(ackTimeoutMillis));
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.monitor = monitor;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        if (!CurrentUnitOfWork.isStarted() || !producers.confirmationMode().isWaitForAck()) {
            super.send(event);
            return;
        }
        Optional<String> topic = topics.resolve(event);
        if (topic.isEmpty()) {
            return;
        }
        MonitorCallback callback = monitor.onMessageIngested(event);
        // the non-transactional producer is one shared instance; its close() does nothing
        Pending pending;
        try (Producer<String, byte[]> producer = producers.createProducer()) {
            pending = new Pending(producer.send(converter.createKafkaMessage(event, topic.get())), callback);
        } catch (RuntimeException e) {
            callback.reportFailure(e);
            throw e;
        }
        pendingOf(CurrentUnitOfWork.get().root()).add(pending);
        failIfRejected(pending);
    }

    /**
     * A record that failed at once (no metadata within max.block.ms, record too large) fails the batch before
     * anything is sent after it. A record already acknowledged is left to the batch's wait, which reports it
     * (once).
     */
    private static void failIfRejected(Pending record) {
        if (!record.ack().isDone()) {
            return;
        }
        try {
            record.ack().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(record, e);
        } catch (ExecutionException e) {
            throw failed(record, e);
        }
    }

    private List<Pending> pendingOf(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING, key -> {
            List<Pending> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAcknowledgements(pending));
            return pending;
        });
    }

    private void awaitAcknowledgements(List<Pending> pending) {
        long deadline = System.currentTimeMillis() + ackTimeoutMillis;
        for (Pending record : pending) {
            try {
                record.ack().get(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                record.monitor().reportSuccess();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(record, e);
            } catch (ExecutionException | TimeoutException e) {
                throw failed(record, e);
            }
        }
    }

    private static EventPublicationFailedException failed(Pending record, Exception cause) {
        record.monitor().reportFailure(cause);
        return new EventPublicationFailedException(
                "Event publication failed: no acknowledgement from Kafka for a record of the batch", cause);
    }
}
