package dev.orgservice.platform.eventstore;

import dev.orgservice.platform.testing.TestDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gap is kept while it has been open for less than the gap timeout, whatever the recorded times of the events
 * around it, and given up after (here with a timeout of 400 ms). Its other half, that an event recorded long ago
 * does not end a gap early, is command-side's {@code PublisherGapReviewTest}, through the Kafka publisher's stream.
 */
class GapTimeoutTest {

    private static final int GAP_TIMEOUT_MS = 400;
    private static EventStorageEngine engine;

    @BeforeAll
    static void store() {
        TestDatabase.get().migrateEventStore();
        var command = TestDatabase.get().accounts().command();
        var serializer = JacksonSerializer.defaultSerializer();
        engine = new ParsedTimestampStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(TestDatabase.get().url(), command.user(),
                        command.password()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer),
                new EventStoreConfiguration().eventSchema(), GAP_TIMEOUT_MS, 10_000, 1);
    }

    @Test
    void aGapOpenForTheTimeoutIsGivenUpAndOneOpenForLessIsKept() throws Exception {
        try (Connection slow = command(); Connection other = command()) {
            GapAwareTrackingToken start = (GapAwareTrackingToken) engine.createHeadToken();
            slow.setAutoCommit(false);
            long gap = RawEventRows.insert(slow, "late", Instant.now());
            RawEventRows.insert(other, "first", Instant.now().minusSeconds(3600)); // recorded an hour ago: no matter
            GapAwareTrackingToken afterFirst = lastToken(start);
            assertThat(afterFirst.getGaps()).as("open for less than the timeout").contains(gap);

            Thread.sleep(GAP_TIMEOUT_MS + 100);
            RawEventRows.insert(other, "second", Instant.now());
            GapAwareTrackingToken afterSecond = lastToken(afterFirst);
            assertThat(afterSecond.getGaps()).as("open for longer than the timeout").doesNotContain(gap);

            slow.commit();
            assertThat(engine.readEvents(afterSecond, false).<Object>map(TrackedEventMessage::getPayload).toList())
                    .as("given up: a commit this late is not read").isEmpty();
            assertThat(engine.readEvents(afterFirst, false).<Object>map(TrackedEventMessage::getPayload).toList())
                    .as("read from the token that still had the gap").contains("late", "second");
        }
    }

    private static GapAwareTrackingToken lastToken(GapAwareTrackingToken from) {
        List<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false).toList();
        assertThat(events).isNotEmpty();
        return (GapAwareTrackingToken) events.get(events.size() - 1).trackingToken();
    }

    private static Connection command() throws SQLException {
        return TestDatabase.get().connect(TestDatabase.get().accounts().command());
    }

}
