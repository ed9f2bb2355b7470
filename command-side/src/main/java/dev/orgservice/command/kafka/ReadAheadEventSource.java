package dev.orgservice.command.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The event store as the Kafka publisher's processor reads it, with a read-ahead: a thread of its own reads the
 * next events from the store (and deserializes their metadata and parses their timestamp, which the record
 * converter needs) while the processor's thread sends the current batch and waits for its acknowledgements. Without it the two took turns
 * on one thread (docs/benchmarks.md, Kafka bridge). The processor still decides what is published and when its
 * token moves: this only changes who waits for PostgreSQL. At most {@code capacity} events and about
 * {@code capacityBytes} of their payloads are held (an import's events are up to 768 KiB each, ordinary ones a few
 * hundred bytes; one event larger than the bound still passes, alone); a failure of the store's stream reaches the
 * processor, which closes this stream and opens a new one from its token.
 * <p>
 * The processor's batch is bounded in events only (Axon's {@code batchSize}), and it holds every event of a batch
 * until the batch's token commits: 5,000 import events would be GBs. So the stream also ends a batch once about
 * {@code batchBytes} of payloads were handed out in it, by answering {@link BlockingStream#peek()} with nothing:
 * Axon's {@code TrackingEventProcessor} takes the first event of a batch after waiting for one
 * ({@code hasNextAvailable} with a timeout, which starts the count again) and the rest while {@code peek} shows one.
 * Events that share the last one's token (an upcaster's) still join its batch.
 */
public final class ReadAheadEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final int capacity;
    private final long capacityBytes;
    private final long batchBytes;
    private final ToLongFunction<TrackedEventMessage<?>> sizeOf;
    private final String threadName;

    public ReadAheadEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, int capacity, long capacityBytes,
                                long batchBytes, ToLongFunction<TrackedEventMessage<?>> sizeOf, String threadName) {
        this.store = store;
        this.capacity = capacity;
        this.capacityBytes = capacityBytes;
        this.batchBytes = batchBytes;
        this.sizeOf = sizeOf;
        this.threadName = threadName;
    }

    /**
     * An event's size as the read-ahead counts it: its payload as {@code serializer} writes it, which for an event
     * read from the store is the stored JSON it holds anyway (no serialization happens).
     */
    public static ToLongFunction<TrackedEventMessage<?>> payloadBytes(Serializer serializer) {
        return event -> event.serializePayload(serializer, byte[].class).getData().length;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new ReadAheadStream(store.openStream(trackingToken), capacity, capacityBytes, batchBytes, sizeOf,
                threadName);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /** One open stream: the reader thread fills the buffer, the processor's thread drains it. */
    static final class ReadAheadStream implements BlockingStream<TrackedEventMessage<?>> {

        /** How long the reader waits for new events before it looks again whether the stream was closed. */
        private static final int READER_POLL_MILLIS = 500;

        private final BlockingStream<TrackedEventMessage<?>> source;
        /** {@link Held} events, or the {@link Failure} that ended the reader. */
        private final BlockingQueue<Object> buffer;
        /** The payload bytes the buffer may still take, in KiB (a semaphore's permits are ints). */
        private final Semaphore room;
        private final int roomKib;
        private final ToLongFunction<TrackedEventMessage<?>> sizeOf;
        private final Thread reader;
        private volatile boolean closed;
        /** The processor's next event, taken from the buffer by peek or hasNextAvailable (its thread only). */
        private Object head;
        /** The payload KiB a batch may take, and what the processor took since it last waited (its thread only). */
        private final long batchKib;
        private long handedOutKib;
        /** The token of the event the processor took last (its thread only). */
        private TrackingToken lastHandedOut;

        ReadAheadStream(BlockingStream<TrackedEventMessage<?>> source, int capacity, long capacityBytes,
                        long batchBytes, ToLongFunction<TrackedEventMessage<?>> sizeOf, String threadName) {
            this.source = source;
            this.buffer = new ArrayBlockingQueue<>(capacity);
            this.roomKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, capacityBytes / 1024));
            this.room = new Semaphore(roomKib);
            this.batchKib = Math.max(1, batchBytes / 1024);
            this.sizeOf = sizeOf;
            this.reader = new Thread(this::readAhead, threadName);
            reader.setDaemon(true);
            reader.start();
        }

        private void readAhead() {
            try {
                while (!closed) {
                    if (source.hasNextAvailable(READER_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> event = source.nextAvailable();
                        // deserialized and parsed here, not on the publishing thread (the record needs both)
                        event.getMetaData();
                        event.getTimestamp();
                        // an event larger than the whole room takes all of it: it waits until the buffer is empty
                        int kib = (int) Math.min(roomKib, sizeOf.applyAsLong(event) / 1024 + 1);
                        room.acquire(kib);
                        buffer.put(new Held(event, kib));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closed
            } catch (RuntimeException | Error e) {
                if (!closed) {
                    buffer.clear(); // the processor reopens from its token anyway; make room for the failure
                    buffer.offer(new Failure(e));
                }
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            if (head == null) {
                head = taken(buffer.poll());
            }
            if (head instanceof Held held && handedOutKib >= batchKib
                    && !held.event().trackingToken().equals(lastHandedOut)) {
                return Optional.empty(); // the batch is full: the next one starts with this event
            }
            return head == null ? Optional.empty() : Optional.of(event(head));
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            handedOutKib = 0; // the processor waits for events only before a batch's first one
            if (head == null) {
                head = taken(buffer.poll(timeout, unit));
            }
            if (head instanceof Failure failure) {
                throw failure.rethrown();
            }
            return head != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            Object next = head != null ? head : taken(buffer.take());
            head = null;
            TrackedEventMessage<?> event = event(next);
            handedOutKib += ((Held) next).kib();
            lastHandedOut = event.trackingToken();
            return event;
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            source.close();
        }

        /** What the processor took from the buffer: its room is the reader's again. */
        private Object taken(Object next) {
            if (next instanceof Held held) {
                room.release(held.kib());
            }
            return next;
        }

        private static TrackedEventMessage<?> event(Object next) {
            if (next instanceof Failure failure) {
                throw failure.rethrown();
            }
            return ((Held) next).event();
        }

        /** An event in the buffer, with the room it takes there. */
        private record Held(TrackedEventMessage<?> event, int kib) {
        }

        /** What stopped the reader, handed to the processor's thread in the buffer's order. */
        private record Failure(Throwable cause) {
            RuntimeException rethrown() {
                return cause instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("Reading ahead from the event store failed", cause);
            }
        }
    }
}
