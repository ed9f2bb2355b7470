package dev.orgservice.command.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review (2026-11-28): the publisher's read-ahead is bounded in events ({@code 2 * org.kafka.publisher-batch-size},
 * 10,000 by default, KafkaConfiguration), not in bytes. Events range from 200 bytes to the 768 KiB of rows an import
 * event may carry (ImportBatches), and an event read from the store keeps its stored payload bytes. A backlog of
 * import events (after a Kafka outage, or when the bridge is switched on over an existing store and starts from the
 * tail) is therefore held in memory by the thousand: this measures what the real read-ahead takes in before it stops,
 * over a store of import-sized events, against the 1 GB heap README.md gives as the example JAVA_OPTS. (The
 * processor's own batch of 5,000 events and the JDBC reads of 1,000 rows each come on top.)
 */
class ReadAheadMemoryReviewTest {

    private static final int IMPORT_EVENT_BYTES = 768 * 1024;
    private static final long EXAMPLE_HEAP_BYTES = 1L << 30;

    @Test
    void theReadAheadHoldsNoMoreThanAHeapCanTakeWhenTheBacklogIsImportEvents() throws Exception {
        byte[] importEvent = new byte[IMPORT_EVENT_BYTES]; // shared: the test measures, it does not allocate it all
        AtomicLong read = new AtomicLong();
        StreamableMessageSource<TrackedEventMessage<?>> backlogOfImports = token -> new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return Optional.of(next());
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                return true;
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                return next();
            }

            private TrackedEventMessage<?> next() {
                long index = read.incrementAndGet();
                return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(index, java.util.Set.of()),
                        new GenericDomainEventMessage<>("OrganizationTree", "org-tree-1", index, importEvent));
            }

            @Override
            public void close() {
            }
        };

        ReadAheadEventSource source = new ReadAheadEventSource(backlogOfImports, 2 * KafkaConfiguration.DEFAULT_BATCH_SIZE,
                KafkaConfiguration.DEFAULT_READ_AHEAD_BYTES, KafkaConfiguration.DEFAULT_BATCH_BYTES,
                ReadAheadEventSource.payloadBytes(JacksonSerializer.defaultSerializer()), "review-read-ahead");
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            long before;
            do { // until the reader has stopped: its buffer is full
                before = read.get();
                Thread.sleep(300);
            } while (read.get() != before);
            long heldBytes = read.get() * IMPORT_EVENT_BYTES;
            assertThat(heldBytes)
                    .as("payload bytes the read-ahead holds (%d import events) before the processor takes any",
                            read.get())
                    .isLessThanOrEqualTo(EXAMPLE_HEAP_BYTES);
        }
    }
}
