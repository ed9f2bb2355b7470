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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The extension's publisher, except that a batch's acknowledgements are awaited together and its records are
 * converted and sent on a thread of their own. axon-kafka 4.9.0's {@link KafkaPublisher#send} waits for each
 * record's acknowledgement before it returns, so the tracking processor had one record in flight at a time: one
 * broker round trip per event (measured in docs/benchmarks.md). Here the processor's thread hands each event to
 * the sender thread (in chunks, in order) and carries on with Axon's per-event work while the previous events are
 * converted and sent; when the batch prepares to commit, the rest is handed over and every acknowledgement of the
 * batch is awaited. The processor stores its token in the same transaction, so a missing acknowledgement rolls the
 * token back with the batch and the batch is sent again: delivery stays at least once, and the order per key is
 * the producer's (one sender thread, idempotent, in order per partition). A record that fails at once stops the
 * batch's later records from being sent. Outside a unit of work, or in another confirmation mode, it is the
 * extension's publisher unchanged.
 */
final class BatchAcknowledgedKafkaPublisher extends KafkaPublisher<String, byte[]> {

    private static final String BATCH = BatchAcknowledgedKafkaPublisher.class.getName() + ".batch";
    /** Events handed to the sender thread at a time: one wake-up per chunk, not per event. */
    private static final int CHUNK = 250;

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TopicResolver topics;
    private final MessageMonitor<? super EventMessage<?>> monitor;
    private final long ackTimeoutMillis;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-publisher-sender");
        thread.setDaemon(true);
        return thread;
    });

    /** One record of a batch: its acknowledgement completes when the broker has it, or with what went wrong. */
    private record Outgoing(EventMessage<?> event, String topic, CompletableFuture<RecordMetadata> ack,
                            MonitorCallback monitor) {
    }

    /** The records of one processor batch, and the first record that failed at once (the sender's to set). */
    private static final class Batch {
        final List<Outgoing> records = new ArrayList<>();
        List<Outgoing> chunk = new ArrayList<>(CHUNK);
        volatile Rejected rejected;
    }

    private record Rejected(Outgoing record, Throwable cause) {
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
        Batch batch = batchOf(CurrentUnitOfWork.get().root());
        Rejected rejected = batch.rejected;
        if (rejected != null) {
            throw failed(rejected.record(), rejected.cause());
        }
        Outgoing record = new Outgoing(event, topic.get(), new CompletableFuture<>(), monitor.onMessageIngested(event));
        batch.records.add(record);
        batch.chunk.add(record);
        if (batch.chunk.size() == CHUNK) {
            handOver(batch);
        }
    }

    @Override
    public void shutDown() {
        super.shutDown();
        sender.shutdown();
    }

    private Batch batchOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> {
                handOver(batch);
                awaitAcknowledgements(batch.records);
            });
            return batch;
        });
    }

    private void handOver(Batch batch) {
        if (batch.chunk.isEmpty()) {
            return;
        }
        List<Outgoing> chunk = batch.chunk;
        batch.chunk = new ArrayList<>(CHUNK);
        sender.execute(() -> chunk.forEach(record -> send(batch, record)));
    }

    /** On the sender thread, in the batch's order. */
    private void send(Batch batch, Outgoing record) {
        if (batch.rejected != null) {
            record.ack().completeExceptionally(new IllegalStateException("not sent: an earlier record of the batch failed"));
            return;
        }
        // the non-transactional producer is one shared instance; its close() does nothing
        try (Producer<String, byte[]> producer = producers.createProducer()) {
            Future<RecordMetadata> sent = producer.send(converter.createKafkaMessage(record.event(), record.topic()),
                    (metadata, error) -> {
                        if (error != null) {
                            record.ack().completeExceptionally(error);
                        } else {
                            record.ack().complete(metadata);
                        }
                    });
            if (sent.isDone()) {
                sent.get(); // throws for a record refused at once: no metadata within max.block.ms, too large
            }
        } catch (ExecutionException e) {
            reject(batch, record, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reject(batch, record, e);
        } catch (RuntimeException e) {
            reject(batch, record, e);
        }
    }

    /** The batch's later records are not sent; its wait reports {@code record} (the producer may have already). */
    private static void reject(Batch batch, Outgoing record, Throwable cause) {
        record.ack().completeExceptionally(cause);
        batch.rejected = new Rejected(record, cause);
    }

    /**
     * Waits for each record in turn, at most the timeout after the one before it: a broker that has stopped
     * answering fails the batch within the timeout, one that is slow but answering (a catch-up of large import
     * events on replicated topics) is waited for. One deadline for the whole batch failed such a batch on every
     * retry, and held back every tenant's events (found by a review, 2026-11-28).
     */
    private void awaitAcknowledgements(List<Outgoing> records) {
        for (Outgoing record : records) {
            try {
                record.ack().get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
                record.monitor().reportSuccess();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failed(record, e);
            } catch (ExecutionException | TimeoutException e) {
                throw failed(record, e);
            }
        }
    }

    private static EventPublicationFailedException failed(Outgoing record, Throwable cause) {
        record.monitor().reportFailure(cause);
        return new EventPublicationFailedException(
                "Event publication failed: no acknowledgement from Kafka for a record of the batch", cause);
    }
}
