package dev.orgservice.platform.eventstore;

import org.axonframework.common.DateTimeUtils;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Event rows written as Axon's JDBC engine writes them (payload a JSON string, metadata empty), on a connection the
 * test controls: a transaction left open holds its {@code global_index}, the gap tracking readers have to wait for.
 */
public final class RawEventRows {

    private RawEventRows() {
    }

    /** Inserts one event recorded at {@code recordedAt} and answers its global index. */
    public static long insert(Connection connection, String payload, Instant recordedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into event_store.domain_event_entry "
                + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data) values (?, ?, 0, 'RawEvent', ?, 'java.lang.String', null, ?, ?) "
                + "returning global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "raw-" + UUID.randomUUID());
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
