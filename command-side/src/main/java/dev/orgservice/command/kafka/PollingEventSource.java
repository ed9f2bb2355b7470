package dev.orgservice.command.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The storage engine read directly, batch after batch, and polled every {@code pollInterval} once the stream has
 * caught up. Axon's embedded event store hands a reader that catches up over to its shared producer thread, and
 * the Kafka publisher's read-ahead then waited for that thread about half of the time (wall-clock profile,
 * docs/benchmarks.md, eleventh run). The publisher is the command side's only tracking reader, so there is
 * nothing to share; the polling rate is the embedded store's ({@code org.event-store.poll-interval-ms}), so a
 * new event is published within that time. Tokens, gaps and upcasting are the engine's.
 */
public final class PollingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStorageEngine engine;
    private final Duration pollInterval;

    public PollingEventSource(EventStorageEngine engine, Duration pollInterval) {
        this.engine = engine;
        this.pollInterval = pollInterval;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PollingStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    /** One reader's position: the events after {@code last}, read in the engine's batches. */
    private final class PollingStream implements BlockingStream<TrackedEventMessage<?>> {

        private TrackingToken last;
        private Stream<? extends TrackedEventMessage<?>> open;
        private Iterator<? extends TrackedEventMessage<?>> events;
        private TrackedEventMessage<?> next;

        PollingStream(TrackingToken start) {
            this.last = start;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return next != null || read() ? Optional.of(next) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (next == null && !read()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, pollInterval.toNanos()));
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable((int) pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                // nothing new yet: poll again
            }
            TrackedEventMessage<?> event = next;
            next = null;
            last = event.trackingToken();
            return event;
        }

        @Override
        public void close() {
            if (open != null) {
                open.close();
                open = null;
                events = null;
            }
        }

        /** The next stored event after {@code last} into {@code next}: from the open read, or from a new one. */
        private boolean read() {
            if (events == null || !events.hasNext()) {
                close();
                open = engine.readEvents(last, false);
                events = open.iterator();
            }
            if (events.hasNext()) {
                next = events.next();
                return true;
            }
            close();
            return false;
        }
    }
}
