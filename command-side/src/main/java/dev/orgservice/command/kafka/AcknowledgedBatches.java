package dev.orgservice.command.kafka;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The publisher's batches that are sent but not yet known to be acknowledged, oldest first, each with the token
 * of its last event. The processor's token goes through {@link AcknowledgedTokenStore}, which stores the token of
 * the newest batch that Kafka acknowledged together with every batch before it. So a batch's acknowledgements
 * arrive while the next batch is read, converted and sent (they used to be awaited before the batch's token
 * committed, with the publisher's thread idle), and the stored token still never passes an event Kafka has not
 * acknowledged: after a crash the unconfirmed batches are sent again (at least once, as before).
 * <p>
 * One batch may stay unconfirmed while the next one is sent; before a third, the oldest is awaited (at most the
 * acknowledgement timeout). A failed or missing acknowledgement fails the processor's current batch and forgets
 * every unconfirmed batch: the processor starts again from the stored token and sends them again. Used by the
 * processor's one thread (its batches, its token store calls); synchronized all the same.
 */
final class AcknowledgedBatches {

    /** Batches whose acknowledgements may still be outstanding when the next batch starts. */
    static final int MAX_UNCONFIRMED = 1;

    /** One sent record: the producer's future and the monitor to tell how it ended. */
    record SentRecord(Future<RecordMetadata> ack, MonitorCallback monitor) {
    }

    private record Batch(TrackingToken lastToken, List<SentRecord> records) {
    }

    private final Deque<Batch> unconfirmed = new ArrayDeque<>();
    private final long ackTimeoutMillis;

    AcknowledgedBatches(long ackTimeoutMillis) {
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    /** A batch whose records are all sent, its unit of work about to commit. */
    synchronized void sent(TrackingToken lastToken, List<SentRecord> records) {
        unconfirmed.addLast(new Batch(lastToken, List.copyOf(records)));
    }

    /**
     * The token up to which everything is now acknowledged, if it moved: takes the acknowledged batches off the
     * front, waiting for the oldest while more than {@link #MAX_UNCONFIRMED} are outstanding.
     *
     * @throws EventPublicationFailedException when a record failed or was not acknowledged in time
     */
    synchronized Optional<TrackingToken> confirm() {
        return confirm(MAX_UNCONFIRMED);
    }

    /** As {@link #confirm()}, waiting for every batch: before the processor lets go of its token. */
    synchronized Optional<TrackingToken> confirmAll() {
        return confirm(0);
    }

    /** After a failed batch: the processor sends everything after its stored token again. */
    synchronized void forget() {
        unconfirmed.clear();
    }

    private Optional<TrackingToken> confirm(int maxUnconfirmed) {
        TrackingToken confirmed = null;
        while (!unconfirmed.isEmpty()) {
            Batch oldest = unconfirmed.peekFirst();
            if (unconfirmed.size() <= maxUnconfirmed && !oldest.records().stream().allMatch(r -> r.ack().isDone())) {
                break;
            }
            try {
                await(oldest.records(), ackTimeoutMillis);
            } catch (EventPublicationFailedException e) {
                unconfirmed.clear();
                throw e;
            }
            unconfirmed.removeFirst();
            confirmed = oldest.lastToken();
        }
        return Optional.ofNullable(confirmed);
    }

    /** Waits for every record's acknowledgement, reporting each to its monitor; throws at the first that fails. */
    static void await(List<SentRecord> records, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (SentRecord record : records) {
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

    static EventPublicationFailedException failed(SentRecord record, Exception cause) {
        record.monitor().reportFailure(cause);
        return new EventPublicationFailedException(
                "Event publication failed: no acknowledgement from Kafka for a record of the batch", cause);
    }
}
