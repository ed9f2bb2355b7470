package dev.orgservice.command.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PollingEventSourceTest {

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final PollingEventSource source = new PollingEventSource(engine, Duration.ofMillis(10));

    @Test
    void readsEveryStoredEventInOrderThenWhatIsAppendedLaterAndResumesFromAToken() throws Exception {
        append(0, 30);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            List<TrackedEventMessage<?>> read = TestEvents.readAll(stream, 30);
            assertThat(TestEvents.payloadsOf(read)).containsExactlyElementsOf(TestEvents.payloads(0, 30));
            assertThat(stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)).as("caught up").isFalse();
            assertThat(stream.peek()).isEmpty();

            append(30, 2);
            assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains("event-30");
            assertThat(TestEvents.payloadsOf(TestEvents.readAll(stream, 2))).containsExactly("event-30", "event-31");

            try (BlockingStream<TrackedEventMessage<?>> resumed = source.openStream(read.get(9).trackingToken())) {
                assertThat(resumed.nextAvailable().getPayload()).isEqualTo("event-10");
            }
        }
    }

    @Test
    void waitsForTheNextEventAsLongAsItIsAskedTo() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            long start = System.nanoTime();
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
            new Thread(() -> append(0, 1)).start();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("event-0");
        }
    }

    private void append(int from, int count) {
        engine.appendEvents(TestEvents.numbered(from, count));
    }
}
