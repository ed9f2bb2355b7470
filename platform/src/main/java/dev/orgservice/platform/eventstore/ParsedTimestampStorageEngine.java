package dev.orgservice.platform.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC storage engine, reading each stored event's timestamp once, with {@link StoredTimestamp}, and giving up
 * a gap only once it has been open for the gap timeout ({@link SettledIndexes}). Axon's entries keep the timestamp as
 * text and parse it with a {@code DateTimeFormatter} whenever it is asked for: once for the gap check of a tracked
 * read and once more for the message. The two row mappers below are Axon 4.13's ({@code getTrackedEventData},
 * {@code getDomainEventData}) with those two differences: same messages, same tokens but for which gaps are kept.
 */
class ParsedTimestampStorageEngine extends JdbcEventStorageEngine {

    private final EventSchema schema;
    private final int maxGapOffset;
    private final long lowestGlobalSequence;
    private final SettledIndexes settledIndexes;

    ParsedTimestampStorageEngine(Builder builder, EventSchema schema, int gapTimeoutMs, int maxGapOffset,
                                 long lowestGlobalSequence) {
        this(builder, schema, maxGapOffset, lowestGlobalSequence, SettledIndexes.withTimeout(gapTimeoutMs));
    }

    /** With the settled indexes given: a test's own clock. */
    ParsedTimestampStorageEngine(Builder builder, EventSchema schema, int maxGapOffset, long lowestGlobalSequence,
                                 SettledIndexes settledIndexes) {
        // Axon's clean-up of a token with many gaps gives them up by the events' recorded times too: never run it
        super(builder.schema(schema).maxGapOffset(maxGapOffset).gapCleaningThreshold(Integer.MAX_VALUE)
                .lowestGlobalSequence(lowestGlobalSequence));
        this.schema = schema;
        this.maxGapOffset = maxGapOffset;
        this.lowestGlobalSequence = lowestGlobalSequence;
        this.settledIndexes = settledIndexes;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet row, GapAwareTrackingToken previousToken)
            throws SQLException {
        long globalIndex = row.getLong(schema.globalIndexColumn());
        StoredEvent<?> event = storedEvent(row);
        // a first read: the indexes before its event are gaps, as far back as advanceTo keeps gaps
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalIndex,
                LongStream.range(Math.max(Math.min(lowestGlobalSequence, globalIndex), globalIndex - maxGapOffset),
                        globalIndex).boxed().collect(Collectors.toCollection(TreeSet::new)))
                : previousToken.advanceTo(globalIndex, maxGapOffset);
        long settled = settledIndexes.read(globalIndex);
        // Only on a row past the token: a fetch answers the filled gaps first (in index order), and a gap given up
        // while they are mapped would make the next filled one an index the token does not know (Axon refuses it:
        // a review's StoredTokenGapsReviewTest, a token stored with two gaps and read again after the timeout).
        boolean pastTheToken = previousToken == null || globalIndex > previousToken.getIndex();
        if (pastTheToken && token.hasGaps() && token.getGaps().first() < settled) {
            token = token.withGapsTruncatedAt(settled);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet row) throws SQLException {
        return storedEvent(row);
    }

    private StoredEvent<?> storedEvent(ResultSet row) throws SQLException {
        String aggregateIdentifier = row.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = row.getString(schema.eventIdentifierColumn());
        return new StoredEvent<>(row.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                row.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                StoredTimestamp.parse(row.getString(schema.timestampColumn())),
                row.getString(schema.payloadTypeColumn()), row.getString(schema.payloadRevisionColumn()),
                readPayload(row, schema.payloadColumn()), readPayload(row, schema.metaDataColumn()));
    }

    /** One stored event, as Axon's {@code GenericDomainEventEntry} presents it, with its timestamp already read. */
    record StoredEvent<T>(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                          Instant timestamp, String payloadType, String payloadRevision, T payload, T metaData)
            implements DomainEventData<T> {

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        @SuppressWarnings("unchecked")
        public SerializedObject<T> getMetaData() {
            return new SerializedMetaData<>(metaData, (Class<T>) metaData.getClass());
        }

        @Override
        @SuppressWarnings("unchecked")
        public SerializedObject<T> getPayload() {
            return new SimpleSerializedObject<>(payload, (Class<T>) payload.getClass(),
                    new SimpleSerializedType(payloadType, payloadRevision));
        }
    }
}
