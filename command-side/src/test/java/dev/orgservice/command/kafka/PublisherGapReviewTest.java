package dev.orgservice.command.kafka;

import dev.orgservice.platform.eventstore.ConfiguredStorageEngine;
import dev.orgservice.platform.eventstore.RawEventRows;
import dev.orgservice.platform.testing.TestDatabase;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review (2026-11-28): how the Kafka publisher's stream (PollingEventSource over the command side's storage engine,
 * as KafkaConfiguration wires it) treats a gap in global_index, on PostgreSQL, deterministically: a transaction
 * takes an index and stays open while a later one commits; then the first one commits.
 * <p>
 * docs/operations.md ("Gaps and transaction length") says a gap is checked "for up to gap-timeout-ms (60 s)". The
 * control test shows that this holds when nothing else happens. The review test showed the gap given up after
 * milliseconds instead: Axon gave up every open gap as soon as it read a new event whose <em>recorded time</em> is
 * older than the gap timeout ({@code advanceTo(index, 0)}), so one event recorded more than 60 s before it became
 * visible (a command whose events were applied more than 60 s before its append, or an event written by another
 * command-side instance whose clock is more than 60 s behind) made the publisher skip, for good, the event of a
 * <em>different</em>, fast transaction that commits a moment later. Fixed 2026-11-29 ({@code SettledIndexes}).
 */
class PublisherGapReviewTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static EventStorageEngine engine;

    @BeforeAll
    static void store() {
        TestDatabase.get().migrateEventStore();
        engine = ConfiguredStorageEngine.of(SERIALIZER);
    }

    /** Control (passes): a late commit inside an open gap is published once it commits. */
    @Test
    void aTransactionThatCommitsShortlyAfterALaterOneIsStillPublished() throws Exception {
        PollingEventSource source = new PollingEventSource(engine, Duration.ofMillis(10));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
             Connection slow = command(); Connection other = command()) {
            slow.setAutoCommit(false);
            long late = RawEventRows.insert(slow, "late-control", Instant.now());
            RawEventRows.insert(other, "next-control", Instant.now());

            TrackedEventMessage<?> next = next(stream);
            assertThat(next.getPayload()).isEqualTo("next-control");
            assertThat(((GapAwareTrackingToken) next.trackingToken()).getGaps()).contains(late);

            slow.commit();
            assertThat(payloadOrNull(stream)).isEqualTo("late-control");
        }
    }

    @Test
    void aGapIsNotGivenUpWithinTheGapTimeoutWhenAnEventRecordedEarlierCommitsInBetween() throws Exception {
        PollingEventSource source = new PollingEventSource(engine, Duration.ofMillis(10));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken());
             Connection fast = command(); Connection other = command()) {
            // a normal command: its INSERT has taken index `late`, its COMMIT follows a few milliseconds later
            fast.setAutoCommit(false);
            long late = RawEventRows.insert(fast, "late", Instant.now());
            RawEventRows.insert(other, "next", Instant.now());
            TrackedEventMessage<?> next = next(stream);
            assertThat(next.getPayload()).isEqualTo("next");
            assertThat(((GapAwareTrackingToken) next.trackingToken()).getGaps()).as("gap seen").contains(late);

            // another command's event, applied 61 s before its append became visible (slow command / clock skew)
            RawEventRows.insert(other, "recorded-61s-earlier", Instant.now().minusSeconds(61));
            TrackedEventMessage<?> old = next(stream);
            assertThat(old.getPayload()).isEqualTo("recorded-61s-earlier");
            GapAwareTrackingToken after = (GapAwareTrackingToken) old.trackingToken();

            fast.commit(); // milliseconds after the gap was first seen, far within the 60 s gap timeout
            assertThat(payloadOrNull(stream))
                    .as("event at index %d, committed ms after its gap was seen (token after the old event: %s), "
                            + "must still be published", late, after)
                    .isEqualTo("late");
        }
    }

    private static Connection command() throws SQLException {
        return TestDatabase.get().connect(TestDatabase.get().accounts().command());
    }

    private static TrackedEventMessage<?> next(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).as("an event within 5 s").isTrue();
        return stream.nextAvailable();
    }

    private static Object payloadOrNull(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        return stream.hasNextAvailable(3, TimeUnit.SECONDS) ? stream.nextAvailable().getPayload() : null;
    }
}
