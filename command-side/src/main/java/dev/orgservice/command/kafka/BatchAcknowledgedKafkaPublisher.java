package dev.orgservice.command.kafka;

import dev.orgservice.command.kafka.AcknowledgedBatches.SentRecord;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.serialization.Serializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The extension's publisher, except that a batch's records all go out before any acknowledgement is awaited.
 * axon-kafka 4.9.0's {@link KafkaPublisher#send} waits for each record's acknowledgement before it returns, so the
 * tracking processor had one record in flight at a time: one broker round trip per event (measured in
 * docs/benchmarks.md). This one sends every record of the processor's batch and, when the batch prepares to
 * commit, hands them to {@link AcknowledgedBatches} with the batch's last token: the processor's token store
 * ({@link AcknowledgedTokenStore}) stores a token only once Kafka has acknowledged everything up to it, while the
 * processor goes on with the next batch. Delivery stays at least once, and the order per key is the producer's
 * (idempotent, one request in flight). Events that carry no token (not from a tracking processor) are awaited
 * before their unit of work commits; outside a unit of work, or in another confirmation mode, it is the
 * extension's publisher unchanged.
 */
final class BatchAcknowledgedKafkaPublisher extends KafkaPublisher<String, byte[]> {

    private static final String PENDING = BatchAcknowledgedKafkaPublisher.class.getName() + ".pending";

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TopicResolver topics;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private final AcknowledgedBatches acknowledged;
    private final long ackTimeoutMillis;

    /** The records a unit of work has sent, and the token of the last one (null when untracked). */
    private static final class SentBatch {
        private final List<SentRecord> records = new ArrayList<>();
        private TrackingToken lastToken;
    }

    BatchAcknowledgedKafkaPublisher(ProducerFactory<String, byte[]> producers,
                                    KafkaMessageConverter<String, byte[]> converter, TopicResolver topics,
                                    Serializer serializer, MessageMonitor<? super EventMessage<?>> monitor,
                                    AcknowledgedBatches acknowledged, long ackTimeoutMillis) {
        // the serializer only keeps the builder from creating (and warning about) an XStream default; the
        // converter does the serializing
        super(KafkaPublisher.<String, byte[]>builder().producerFactory(producers).messageConverter(converter)
                .serializer(serializer).topicResolver(topics).messageMonitor(monitor)
                .publisherAckTimeout(ackTimeoutMillis));
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.monitor = monitor;
        this.acknowledged = acknowledged;
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
        SentRecord sent;
        try (Producer<String, byte[]> producer = producers.createProducer()) {
            sent = new SentRecord(producer.send(converter.createKafkaMessage(event, topic.get())), callback);
        } catch (RuntimeException e) {
            callback.reportFailure(e);
            throw e;
        }
        SentBatch batch = batchOf(CurrentUnitOfWork.get().root());
        batch.records.add(sent);
        batch.lastToken = event instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        failIfRejected(sent);
    }

    /**
     * A record that failed at once (no metadata within max.block.ms, record too large) fails the batch before
     * anything is sent after it. A record already acknowledged is left to the batch's wait, which reports it
     * (once).
     */
    private static void failIfRejected(SentRecord record) {
        if (!record.ack().isDone()) {
            return;
        }
        try {
            record.ack().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AcknowledgedBatches.failed(record, e);
        } catch (ExecutionException e) {
            throw AcknowledgedBatches.failed(record, e);
        }
    }

    private SentBatch batchOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            SentBatch batch = new SentBatch();
            unitOfWork.onPrepareCommit(u -> {
                if (batch.lastToken != null) {
                    acknowledged.sent(batch.lastToken, batch.records);
                } else {
                    AcknowledgedBatches.await(batch.records, ackTimeoutMillis);
                }
            });
            // the processor starts again from its stored token: what was sent after it goes again
            unitOfWork.onRollback(u -> acknowledged.forget());
            return batch;
        });
    }
}
