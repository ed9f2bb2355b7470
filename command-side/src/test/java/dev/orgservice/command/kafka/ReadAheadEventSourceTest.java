package dev.orgservice.command.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

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
        ReadAheadEventSource source = readAhead(store, 8);

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
        try (BlockingStream<TrackedEventMessage<?>> stream = readAhead(store, 4).openStream(null)) {
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
        BlockingStream<TrackedEventMessage<?>> stream = readAhead(failing, 4).openStream(null);
        assertThatThrownBy(() -> stream.hasNextAvailable(5, TimeUnit.SECONDS)).isSameAs(broken);
        stream.close();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("test-read-ahead");
    }

    @Test
    void the_reader_holds_about_the_bytes_it_is_given_and_an_event_larger_than_that_alone() throws Exception {
        AtomicInteger read = new AtomicInteger();
        StreamableMessageSource<TrackedEventMessage<?>> sizedEvents = token -> new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return Optional.empty();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                return true;
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                int index = read.incrementAndGet();
                // the fifth event is larger than the whole read-ahead
                return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(index, Set.of()),
                        new GenericDomainEventMessage<>("Test", "aggregate", index, "event-" + index,
                                MetaData.with("kib", index == 5 ? 4096 : 300)));
            }

            @Override
            public void close() {
            }
        };
        ToLongFunction<TrackedEventMessage<?>> sizeOf = event -> ((Number) event.getMetaData().get("kib")).longValue() * 1024;
        try (BlockingStream<TrackedEventMessage<?>> stream = new ReadAheadEventSource(sizedEvents, 1_000, 1L << 20,
                KafkaConfiguration.DEFAULT_BATCH_BYTES, sizeOf, "test-read-ahead").openStream(null)) {
            awaitReaderStopped(read);
            assertThat(read.get()).as("three of 301 KiB held in 1 MiB, the fourth read and waiting").isEqualTo(4);

            assertThat(stream.nextAvailable().getMetaData()).containsEntry("kib", 300);
            awaitReaderStopped(read);
            assertThat(read.get()).as("the fourth held, the fifth (4 MiB) waits for an empty read-ahead").isEqualTo(5);
            for (int i = 0; i < 3; i++) {
                stream.nextAvailable();
            }
            assertThat(stream.nextAvailable().getMetaData()).containsEntry("kib", 4096);
        }
    }

    private static void awaitReaderStopped(AtomicInteger read) throws InterruptedException {
        int before;
        do {
            before = read.get();
            Thread.sleep(200);
        } while (read.get() != before);
    }

    private static ReadAheadEventSource readAhead(StreamableMessageSource<TrackedEventMessage<?>> store, int capacity) {
        return new ReadAheadEventSource(store, capacity, KafkaConfiguration.DEFAULT_READ_AHEAD_BYTES,
                KafkaConfiguration.DEFAULT_BATCH_BYTES, ReadAheadEventSource.payloadBytes(JacksonSerializer.defaultSerializer()), "test-read-ahead");
    }

    private void append(int from, int count) {
        store.publish(TestEvents.numbered(from, count));
    }
}
