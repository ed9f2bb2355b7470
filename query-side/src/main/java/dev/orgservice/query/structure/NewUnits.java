package dev.orgservice.query.structure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitDetails;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * New units of the hierarchy read model, held until {@link #write()} and then inserted with three batched
 * statements (the unit, its first parent row with the unit's summary, its first status row) and one for their
 * {@link SearchKeys}, whichever events and tenants they came from. Written at once when more than
 * {@code maxPending} wait (a batch of bulk imports).
 */
final class NewUnits {

    /** 5 import events of 1,000 units: bounds the memory a batch of imports holds before it writes. */
    static final int MAX_PENDING = 5_000;

    private record Row(UUID tenantId, ImportedUnit unit, OffsetDateTime from, OffsetDateTime recorded, long revision) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final int maxPending;
    private final List<Row> rows = new ArrayList<>();

    NewUnits(JdbcTemplate jdbc, ObjectMapper json, int maxPending) {
        this.jdbc = jdbc;
        this.json = json;
        this.maxPending = maxPending;
    }

    /** @param revision the sequence number of the event that created the units */
    void add(UUID tenantId, List<ImportedUnit> units, Instant from, Instant recorded, long revision) {
        OffsetDateTime at = utc(from);
        OffsetDateTime recordedAt = utc(recorded);
        units.forEach(unit -> rows.add(new Row(tenantId, unit, at, recordedAt, revision)));
        if (rows.size() > maxPending) {
            write();
        }
    }

    void write() {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into read_model.unit (unit_id, tenant_id, type, code, name, details, created_from, updated_at,
                                             revision)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict (unit_id) do nothing""", rows, rows.size(),
                (statement, row) -> {
                    statement.setObject(1, row.unit().unitId());
                    statement.setObject(2, row.tenantId());
                    statement.setString(3, row.unit().type().name());
                    statement.setString(4, row.unit().code());
                    statement.setString(5, row.unit().name());
                    statement.setString(6, json(json, row.unit().details()));
                    statement.setObject(7, row.from());
                    statement.setObject(8, row.recorded());
                    statement.setLong(9, row.revision());
                });
        jdbc.batchUpdate("""
                insert into read_model.unit_parent (unit_id, valid_from, tenant_id, parent_id, type, code, name)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (unit_id, valid_from) do nothing""", rows, rows.size(),
                (statement, row) -> {
                    statement.setObject(1, row.unit().unitId());
                    statement.setObject(2, row.from());
                    statement.setObject(3, row.tenantId());
                    statement.setObject(4, row.unit().parentId());
                    statement.setString(5, row.unit().type().name());
                    statement.setString(6, row.unit().code());
                    statement.setString(7, row.unit().name());
                });
        jdbc.batchUpdate("""
                insert into read_model.unit_status (unit_id, valid_from, tenant_id, status) values (?, ?, ?, 'ACTIVE')
                on conflict (unit_id, valid_from) do nothing""", rows, rows.size(), (statement, row) -> {
            statement.setObject(1, row.unit().unitId());
            statement.setObject(2, row.from());
            statement.setObject(3, row.tenantId());
        });
        SearchKeys.add(jdbc, rows.stream().map(row -> row.unit().unitId()).toList());
        rows.clear();
    }

    static String json(ObjectMapper json, UnitDetails details) {
        try {
            return json.writeValueAsString(details == null ? UnitDetails.NONE : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write unit details", e);
        }
    }
}
