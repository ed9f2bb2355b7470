package dev.orgservice.platform.eventstore;

import dev.orgservice.platform.testing.TestDatabase;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
            long gap = insert(slow, "late", Instant.now());
            insert(other, "first", Instant.now().minusSeconds(3600)); // recorded an hour ago: no matter
            GapAwareTrackingToken afterFirst = lastToken(start);
            assertThat(afterFirst.getGaps()).as("open for less than the timeout").contains(gap);

            Thread.sleep(GAP_TIMEOUT_MS + 100);
            insert(other, "second", Instant.now());
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

    /** An event row as Axon's JDBC engine writes it (payload a JSON string), answering its global index. */
    private static long insert(Connection connection, String payload, Instant recordedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into event_store.domain_event_entry "
                + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data) values (?, ?, 0, 'GapTest', ?, 'java.lang.String', null, ?, ?) "
                + "returning global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "gap-" + UUID.randomUUID());
            insert.setString(3, DateTimeUtils.formatInstant(recordedAt));
            insert.setBytes(4, ("\"" + payload + "\"").getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
