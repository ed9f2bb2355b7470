package dev.orgservice.platform.eventstore;

import dev.orgservice.platform.testing.TestDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine with parsed-once timestamps reads what Axon's own engine reads: messages, tokens (gaps: at least Axon's). */
class ParsedTimestampStorageEngineTest {

    private static final int GAP_TIMEOUT_MS = 60_000;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    private static final EventSchema SCHEMA = new EventStoreConfiguration().eventSchema();
    private static final String AGGREGATE = "tree-" + UUID.randomUUID();

    private static EventStorageEngine axon;
    private static EventStorageEngine parsed;

    @BeforeAll
    static void storeWithAGap() throws Exception {
        TestDatabase database = TestDatabase.get();
        database.migrateEventStore();
        axon = builder().build();
        parsed = new ParsedTimestampStorageEngine(builder(), SCHEMA, GAP_TIMEOUT_MS, MAX_GAP_OFFSET, 1);
        Instant now = Instant.now();
        // old events (Axon keeps no gap before them), then a skipped index, then recent ones (a gap for both)
        axon.appendEvents(event(0, now.minus(2, ChronoUnit.DAYS)), event(1, now.minus(1, ChronoUnit.DAYS).plusNanos(1)));
        try (Connection admin = database.connectAsAdmin()) {
            admin.createStatement().execute(
                    "select nextval(pg_get_serial_sequence('event_store.domain_event_entry', 'global_index'))");
        }
        axon.appendEvents(event(2, now.truncatedTo(ChronoUnit.SECONDS)), event(3, now));
        parsed.appendEvents(event(4, now.plusMillis(1)));
    }

    @Test
    void trackedReadsAreAxonsButForTheGapsKept() {
        List<? extends TrackedEventMessage<?>> expected = axon.readEvents(null, false).toList();
        List<? extends TrackedEventMessage<?>> actual = parsed.readEvents(null, false).toList();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertSameToken(actual.get(i).trackingToken(), expected.get(i).trackingToken());
            assertSameEvent(actual.get(i), expected.get(i));
        }
        // the skipped index, followed by recent events, is a gap for both
        var afterTheSkippedIndex = (GapAwareTrackingToken) actual.get(actual.size() - 3).trackingToken();
        assertThat(afterTheSkippedIndex.getGaps()).contains(afterTheSkippedIndex.getIndex() - 1);
        // resuming from a token with a gap
        var from = expected.get(expected.size() - 3).trackingToken();
        List<TrackingToken> resumed = parsed.readEvents(from, false).map(TrackedEventMessage::trackingToken).toList();
        List<TrackingToken> resumedByAxon = axon.readEvents(from, false).map(TrackedEventMessage::trackingToken).toList();
        assertThat(resumed).hasSameSizeAs(resumedByAxon);
        for (int i = 0; i < resumed.size(); i++) {
            assertSameToken(resumed.get(i), resumedByAxon.get(i));
        }
    }

    /**
     * Same index; the gaps Axon keeps, and maybe more: Axon gives gaps up when it reads an event recorded more than
     * the gap timeout ago (the two old events here), this engine only once they have been open that long.
     */
    private static void assertSameToken(TrackingToken actual, TrackingToken expected) {
        var ours = (GapAwareTrackingToken) actual;
        var axons = (GapAwareTrackingToken) expected;
        assertThat(ours.getIndex()).isEqualTo(axons.getIndex());
        assertThat(ours.getGaps()).containsAll(axons.getGaps());
    }

    @Test
    void aggregateReadsAreAxons() {
        List<? extends DomainEventMessage<?>> expected = axon.readEvents(AGGREGATE).asStream().toList();
        List<? extends DomainEventMessage<?>> actual = parsed.readEvents(AGGREGATE).asStream().toList();
        assertThat(expected).hasSize(5);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertSameEvent(actual.get(i), expected.get(i));
        }
    }

    private static void assertSameEvent(Object actualMessage, Object expectedMessage) {
        var actual = (DomainEventMessage<?>) actualMessage;
        var expected = (DomainEventMessage<?>) expectedMessage;
        assertThat(actual.getIdentifier()).isEqualTo(expected.getIdentifier());
        assertThat(actual.getTimestamp()).isEqualTo(expected.getTimestamp());
        assertThat(actual.getType()).isEqualTo(expected.getType());
        assertThat(actual.getAggregateIdentifier()).isEqualTo(expected.getAggregateIdentifier());
        assertThat(actual.getSequenceNumber()).isEqualTo(expected.getSequenceNumber());
        assertThat(actual.getPayloadType()).isEqualTo(expected.getPayloadType());
        assertThat(actual.getPayload()).isEqualTo(expected.getPayload());
        assertThat(actual.getMetaData()).isEqualTo(expected.getMetaData());
    }

    private static GenericDomainEventMessage<?> event(long sequence, Instant at) {
        return new GenericDomainEventMessage<>("OrganizationTree", AGGREGATE, sequence,
                Map.of("name", "unit " + sequence), MetaData.with("tenantId", "t-1"), UUID.randomUUID().toString(), at);
    }

    private static JdbcEventStorageEngine.Builder builder() {
        var command = TestDatabase.get().accounts().command();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(TestDatabase.get().url(), command.user(),
                        command.password()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER)
                .schema(SCHEMA)
                .gapTimeout(GAP_TIMEOUT_MS)
                .maxGapOffset(MAX_GAP_OFFSET);
    }
}
