package dev.orgservice.command.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void the_processor_sees_the_stores_events_in_order_from_its_token_with_a_smaller_buffer_than_the_events() throws Exception {
        append(0, 50);
        ReadAheadEventSource source = new ReadAheadEventSource(store, 8, "test-read-ahead");

        List<TrackedEventMessage<?>> read;
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            read = TestEvents.readAll(stream, 50);
        }
        assertThat(TestEvents.payloadsOf(read)).containsExactlyElementsOf(TestEvents.payloads(0, 50));

        TrackingToken afterTwenty = read.get(19).trackingToken();
        try (BlockingStream<TrackedEventMessage<?>> reopened = source.openStream(afterTwenty)) {
            assertThat(reopened.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(reopened.peek().map(event -> (Object) event.getPayload())).contains("event-20");
            assertThat(reopened.nextAvailable().getPayload()).isEqualTo("event-20");
        }
    }

    @Test
    void events_appended_while_the_stream_is_open_arrive_too() throws Exception {
        append(0, 3);
        try (BlockingStream<TrackedEventMessage<?>> stream = new ReadAheadEventSource(store, 4, "test-read-ahead").openStream(null)) {
            assertThat(TestEvents.readAll(stream, 3)).hasSize(3);
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
            append(3, 2);
            assertThat(TestEvents.payloadsOf(TestEvents.readAll(stream, 2))).containsExactly("event-3", "event-4");
        }
    }

    @Test
    void a_failing_store_stream_reaches_the_processor_and_close_stops_the_reader() throws Exception {
        IllegalStateException broken = new IllegalStateException("database is down");
        StreamableMessageSource<TrackedEventMessage<?>> failing = token -> new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return Optional.empty();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                throw broken;
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                throw broken;
            }

            @Override
            public void close() {
            }
        };
        BlockingStream<TrackedEventMessage<?>> stream = new ReadAheadEventSource(failing, 4, "test-read-ahead").openStream(null);
        assertThatThrownBy(() -> stream.hasNextAvailable(5, TimeUnit.SECONDS)).isSameAs(broken);
        stream.close();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("test-read-ahead");
    }

    private void append(int from, int count) {
        store.publish(TestEvents.numbered(from, count));
    }
}
