package dev.orgservice.query.storage;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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

    private final String table;
    private final String column;
    private final List<String> keys;
    private final List<String> carried;
    private final String insert;
    private final String endPrevious;
    /** False when tenant_id is itself a key column. */
    private final boolean tenantWritten;

    /** {@code keys} with {@code valid_from} form the table's primary key; {@code tenant_id} is always written. */
    public Timeline(String table, String column, String... keys) {
        this(table, column, List.of(keys), List.of());
    }

    private Timeline(String table, String column, List<String> keys, List<String> carried) {
        this.table = table;
        this.column = column;
        this.keys = keys;
        this.carried = carried;
        String same = keys.stream().map(key -> key + " = ?").collect(Collectors.joining(" and "));
        List<String> columns = new ArrayList<>(keys);
        if (!columns.contains("tenant_id")) {
            columns.add(0, "tenant_id");
        }
        String values = "?, ".repeat(columns.size()) + "?, ?, (select min(valid_from) from " + table + " where " + same
                + " and valid_from > ?)";
        String copied = carried.isEmpty() ? "" : ", " + String.join(", ", carried);
        this.insert = "insert into " + table + " (" + String.join(", ", columns) + ", valid_from, " + column
                + ", valid_to" + copied + ") " + (carried.isEmpty() ? "values (" + values + ")"
                : "select " + values + copied + " from " + table + " where " + same + " limit 1")
                + " on conflict (" + String.join(", ", keys) + ", valid_from) do update set " + column + " = excluded."
                + column;
        this.endPrevious = "update " + table + " set valid_to = ? where " + same + " and valid_from = (select "
                + "max(valid_from) from " + table + " where " + same + " and valid_from < ?)";
        this.tenantWritten = !keys.contains("tenant_id");
    }

    /**
     * The same timeline, whose rows also hold {@code columns} with the same values in every row of a key (copies of
     * another table's, which the caller keeps): a new row takes them from the key's other rows, so a key's first
     * row must be inserted by the caller, with them.
     */
    public Timeline carrying(String... columns) {
        return new Timeline(table, column, keys, List.of(columns));
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
            if (!carried.isEmpty()) {
                insertArgs.addAll(key);
            }
            inserts.add(insertArgs.toArray());
            List<Object> endArgs = new ArrayList<>();
            endArgs.add(at);
            endArgs.addAll(key);
            endArgs.addAll(key);
            endArgs.add(at);
            ends.add(endArgs.toArray());
        }
        int[] written = jdbc.batchUpdate(insert, inserts);
        if (Arrays.stream(written).anyMatch(rows -> rows == 0)) {
            // only a carrying timeline can write nothing: the key had no row to copy its columns from
            throw new IllegalStateException("no earlier row in " + table + " to carry " + carried + " from");
        }
        jdbc.batchUpdate(endPrevious, ends);
    }
}
