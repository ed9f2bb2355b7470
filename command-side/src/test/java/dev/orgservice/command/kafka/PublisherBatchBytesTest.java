package dev.orgservice.command.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka publisher's batches are bounded in payload bytes as well as in events: Axon's processor holds a whole
 * batch until its token commits, and 5,000 import events of 768 KiB would be GBs.
 */
class PublisherBatchBytesTest {

    private static final int KIB = 1024;
    /** What the test's events weigh: the "kib" in their metadata. */
    private static final ToLongFunction<TrackedEventMessage<?>> SIZE =
            event -> ((Number) event.getMetaData().get("kib")).longValue() * KIB;

    @Test
    void aRealProcessorsBatchesOfLargeEventsEndAtAboutTheBound() throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        // 120 import-sized events (100 KiB each), then 400 small ones (1 KiB)
        List<EventMessage<?>> events = new ArrayList<>();
        IntStream.range(0, 520).forEach(i -> events.add(new GenericDomainEventMessage<>("Test", "aggregate", i,
                "event-" + i, MetaData.with("kib", i < 120 ? 100 : 1))));
        store.publish(events);

        Map<UnitOfWork<?>, List<Integer>> batches = Collections.synchronizedMap(new IdentityHashMap<>());
        List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("publisher-like")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(
                        (org.axonframework.eventhandling.EventMessageHandler) event -> {
                            int number = Integer.parseInt(((String) event.getPayload()).substring(6));
                            batches.computeIfAbsent(CurrentUnitOfWork.get().root(), b -> new ArrayList<>()).add(number);
                            handled.add(number);
                            return null;
                        }).build())
                .messageSource(new ReadAheadEventSource(store, 10_000, 64L << 20, 1L << 20, SIZE, "test-read-ahead"))
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(5_000))
                .build();
        processor.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (handled.size() < 520 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            processor.shutDown();
            store.shutDown();
        }

        assertThat(handled).as("every event, once, in order").containsExactlyElementsOf(IntStream.range(0, 520).boxed().toList());
        for (List<Integer> batch : batches.values()) {
            long kib = batch.stream().mapToLong(i -> i < 120 ? 100 : 1).sum();
            assertThat(kib).as("a batch holds at most the bound and one more event: %s", batch).isLessThanOrEqualTo(1024 + 100);
        }
        long batchesOfLargeEvents = batches.values().stream().filter(batch -> batch.get(0) < 120).count();
        assertThat(batchesOfLargeEvents).as("120 events of 100 KiB in batches of about 1 MiB").isGreaterThanOrEqualTo(11);
        assertThat(batches).as("the 400 small events (400 KiB) are not cut into more batches").hasSizeLessThanOrEqualTo(14);
    }

    @Test
    void eventsThatShareTheLastOnesTokenStillJoinItsBatch() throws Exception {
        GapAwareTrackingToken shared = GapAwareTrackingToken.newInstance(1, Set.of());
        List<TrackedEventMessage<?>> upcast = List.of(tracked(shared, 0, 2048), tracked(shared, 1, 2048),
                tracked(GapAwareTrackingToken.newInstance(2, Set.of()), 2, 1));
        StreamableMessageSource<TrackedEventMessage<?>> source = token -> new ListStream(upcast);
        try (BlockingStream<TrackedEventMessage<?>> stream =
                     new ReadAheadEventSource(source, 100, 64L << 20, 1L << 20, SIZE, "test-read-ahead").openStream(null)) {
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            stream.nextAvailable(); // 2 MiB: over the bound at once
            awaitBuffered(stream);
            assertThat(stream.peek()).as("same token as the last one: the rest of its upcast events").isPresent();
            stream.nextAvailable();
            assertThat(stream.peek()).as("a new token: the next batch").isEmpty();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).as("the next batch begins").isTrue();
            assertThat(stream.peek().map(event -> (Object) event.getPayload())).contains("event-2");
        }
    }

    private static void awaitBuffered(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        Thread.sleep(300); // the reader thread puts the next event in the buffer
    }

    private static TrackedEventMessage<?> tracked(GapAwareTrackingToken token, int number, int kib) {
        return new GenericTrackedDomainEventMessage<>(token, new GenericDomainEventMessage<>("Test", "aggregate",
                number, "event-" + number, MetaData.with("kib", kib)));
    }

    /** A stream over a fixed list. */
    private static final class ListStream implements BlockingStream<TrackedEventMessage<?>> {

        private final List<TrackedEventMessage<?>> events;
        private int next;

        ListStream(List<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return next < events.size() ? Optional.of(events.get(next)) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (next >= events.size()) {
                unit.sleep(timeout);
            }
            return next < events.size();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.get(next++);
        }

        @Override
        public void close() {
        }
    }
}
