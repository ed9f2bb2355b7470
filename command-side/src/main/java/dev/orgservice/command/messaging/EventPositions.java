package dev.orgservice.command.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Global positions in the event store: what a client passes back as {@code minPosition}. */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long of(String eventIdentifier) {
        Long position = jdbc.queryForObject(
                "select global_index from event_store.domain_event_entry where event_identifier = ?", Long.class,
                eventIdentifier);
        return position == null ? head() : position;
    }

    public long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_store.domain_event_entry",
                Long.class);
        return head == null ? 0 : head;
    }
}
