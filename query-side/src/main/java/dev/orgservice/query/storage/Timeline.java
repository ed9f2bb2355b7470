package dev.orgservice.query.storage;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One attribute over time, in a table of rows {@code [valid_from, valid_to)} identified by key columns (a unit's
 * parent, a position's authority per purpose and currency, a purpose's policy). Setting a value from an instant
 * ends the row before it there and lasts until the next change already recorded, so a change that arrives
 * before a scheduled one does not erase it.
 */
public final class Timeline {

    private final String insert;
    private final String endPrevious;
    /** False when tenant_id is itself a key column. */
    private final boolean tenantWritten;

    /** {@code keys} with {@code valid_from} form the table's primary key; {@code tenant_id} is always written. */
    public Timeline(String table, String column, String... keys) {
        String same = List.of(keys).stream().map(key -> key + " = ?").collect(Collectors.joining(" and "));
        List<String> columns = new ArrayList<>(List.of(keys));
        if (!columns.contains("tenant_id")) {
            columns.add(0, "tenant_id");
        }
        this.insert = "insert into " + table + " (" + String.join(", ", columns) + ", valid_from, " + column
                + ", valid_to) values (" + "?, ".repeat(columns.size()) + "?, ?, (select min(valid_from) from " + table
                + " where " + same + " and valid_from > ?)) on conflict (" + String.join(", ", keys)
                + ", valid_from) do update set " + column + " = excluded." + column;
        this.endPrevious = "update " + table + " set valid_to = ? where " + same + " and valid_from = (select "
                + "max(valid_from) from " + table + " where " + same + " and valid_from < ?)";
        this.tenantWritten = !List.of(keys).contains("tenant_id");
    }

    public void set(JdbcTemplate jdbc, UUID tenantId, List<?> key, Instant from, Object value) {
        setAll(jdbc, tenantId, List.of(key), from, Collections.singletonList(value)); // the value may be null
    }

    /** {@link #set} for many keys at once (a bulk import), in two batched statements. */
    public void setAll(JdbcTemplate jdbc, UUID tenantId, List<? extends List<?>> keys, Instant from, List<?> values) {
        OffsetDateTime at = SqlTimes.utc(from);
        List<Object[]> inserts = new ArrayList<>(keys.size());
        List<Object[]> ends = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            List<?> key = keys.get(i);
            List<Object> insertArgs = new ArrayList<>();
            if (tenantWritten) {
                insertArgs.add(tenantId);
            }
            insertArgs.addAll(key);
            insertArgs.add(at);
            insertArgs.add(values.get(i));
            insertArgs.addAll(key);
            insertArgs.add(at);
            inserts.add(insertArgs.toArray());
            List<Object> endArgs = new ArrayList<>();
            endArgs.add(at);
            endArgs.addAll(key);
            endArgs.addAll(key);
            endArgs.add(at);
            ends.add(endArgs.toArray());
        }
        jdbc.batchUpdate(insert, inserts);
        jdbc.batchUpdate(endPrevious, ends);
    }
}
