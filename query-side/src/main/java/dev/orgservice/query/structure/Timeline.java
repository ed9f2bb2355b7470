package dev.orgservice.query.structure;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One attribute of a unit over time ({@code read_model.unit_parent} or {@code unit_status}): rows
 * {@code [valid_from, valid_to)}. Setting a value from an instant ends the row before it there and lasts until
 * the next change already recorded, so a change that arrives before a scheduled one does not erase it.
 */
final class Timeline {

    private final String table;
    private final String column;

    Timeline(String table, String column) {
        this.table = table;
        this.column = column;
    }

    void set(JdbcTemplate jdbc, UUID tenantId, UUID unitId, Instant from, Object value) {
        OffsetDateTime at = from.atOffset(ZoneOffset.UTC);
        jdbc.update("insert into " + table + " (tenant_id, unit_id, valid_from, " + column + ", valid_to) values "
                        + "(?, ?, ?, ?, (select min(valid_from) from " + table + " where unit_id = ? and valid_from > ?)) "
                        + "on conflict (unit_id, valid_from) do update set " + column + " = excluded." + column,
                tenantId, unitId, at, value, unitId, at);
        jdbc.update("update " + table + " set valid_to = ? where unit_id = ? and valid_from = "
                + "(select max(valid_from) from " + table + " where unit_id = ? and valid_from < ?)", at, unitId, unitId, at);
    }
}
