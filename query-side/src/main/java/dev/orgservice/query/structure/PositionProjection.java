package dev.orgservice.query.structure;

import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionRetitledEvent;
import dev.orgservice.api.structure.PositionVacatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * Positions and their holders over time. Part of the hierarchy processing group: management chains join
 * positions with the unit tree, so both must be at the same point of the event stream.
 */
@Component
@ProcessingGroup(HierarchyProjection.PROCESSING_GROUP)
public class PositionProjection {

    /** The lines a position is created with: they hold at every {@code asOf}, as the position does (V13). */
    private static final String FIRST_LINES = """
            insert into read_model.position_line (position_id, valid_from, tenant_id, unit_id, reports_to_position_id,
                dotted_line_to) values (?, '-infinity', ?, ?, ?, ?) on conflict (position_id, valid_from) do nothing""";

    private static final String NEW_POSITION = """
            insert into read_model.position (position_id, tenant_id, unit_id, title, manager, created_at)
            values (?, ?, ?, ?, ?, ?) on conflict (position_id) do nothing""";

    private final JdbcTemplate jdbc;

    public PositionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PositionCreatedEvent event, @Timestamp Instant recorded) {
        jdbc.update(NEW_POSITION, event.positionId(), event.tenantId(), event.unitId(), event.title(), event.manager(),
                utc(recorded));
        jdbc.update(FIRST_LINES, ps -> {
            ps.setObject(1, event.positionId());
            ps.setObject(2, event.tenantId());
            ps.setObject(3, event.unitId());
            ps.setObject(4, event.reportsToPositionId());
            ps.setArray(5, ps.getConnection().createArrayOf("uuid", event.dottedLineToPositionIds().toArray()));
        });
    }

    @EventHandler
    void on(PositionsImportedEvent event, @Timestamp Instant recorded) {
        List<ImportedPosition> positions = event.positions();
        jdbc.batchUpdate(NEW_POSITION, positions, positions.size(), (ps, p) -> {
            ps.setObject(1, p.positionId());
            ps.setObject(2, event.tenantId());
            ps.setObject(3, p.unitId());
            ps.setString(4, p.title());
            ps.setBoolean(5, p.manager());
            ps.setObject(6, utc(recorded));
        });
        jdbc.batchUpdate(FIRST_LINES, positions, positions.size(), (ps, p) -> {
            ps.setObject(1, p.positionId());
            ps.setObject(2, event.tenantId());
            ps.setObject(3, p.unitId());
            ps.setObject(4, p.reportsToPositionId());
            ps.setArray(5, ps.getConnection().createArrayOf("uuid", new UUID[0]));
        });
        List<ImportedPosition> held = positions.stream().filter(p -> p.personId() != null).toList();
        jdbc.batchUpdate("""
                insert into read_model.position_holder (position_id, valid_from, tenant_id, person_id) values (?, ?, ?, ?)
                on conflict (position_id, valid_from) do nothing""", held, held.size(), (ps, p) -> {
            ps.setObject(1, p.positionId());
            ps.setObject(2, utc(p.holderFrom()));
            ps.setObject(3, event.tenantId());
            ps.setString(4, p.personId());
        });
    }

    /** Ends or trims every holding that overlaps [from, to), then records the new one. */
    @EventHandler
    void on(PositionHolderAssignedEvent event) {
        clear(event.positionId(), event.from(), event.to());
        jdbc.update("insert into read_model.position_holder (position_id, valid_from, valid_to, tenant_id, person_id) "
                + "values (?, ?, ?, ?, ?)", event.positionId(), utc(event.from()),
                event.to() == null ? null : utc(event.to()), event.tenantId(), event.personId());
    }

    @EventHandler
    void on(PositionRetitledEvent event) {
        jdbc.update("update read_model.position set title = ? where position_id = ?", event.title(), event.positionId());
    }

    /**
     * The new lines replace those in effect from {@code effectiveFrom} until the position's next change of lines:
     * the row in effect there is cut at {@code effectiveFrom} (or replaced, if it starts there), and the new row ends
     * where the cut one ended.
     */
    @EventHandler
    void on(PositionReportingLinesChangedEvent event) {
        OffsetDateTime from = utc(event.effectiveFrom());
        UUID[] dotted = event.dottedLineToPositionIds().toArray(UUID[]::new);
        jdbc.update("""
                insert into read_model.position_line (position_id, valid_from, valid_to, tenant_id, unit_id,
                    reports_to_position_id, dotted_line_to)
                select position_id, ?, valid_to, tenant_id, unit_id, ?, ? from read_model.position_line
                where position_id = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                on conflict (position_id, valid_from) do update set reports_to_position_id = excluded.reports_to_position_id,
                    dotted_line_to = excluded.dotted_line_to""", ps -> {
            ps.setObject(1, from);
            ps.setObject(2, event.reportsToPositionId());
            ps.setArray(3, ps.getConnection().createArrayOf("uuid", dotted));
            ps.setObject(4, event.positionId());
            ps.setObject(5, from);
            ps.setObject(6, from);
        });
        jdbc.update("update read_model.position_line set valid_to = ? where position_id = ? and valid_from < ? "
                + "and (valid_to is null or valid_to > ?)", from, event.positionId(), from, from);
    }

    @EventHandler
    void on(PositionClosedEvent event) {
        jdbc.update("update read_model.position set closed_from = ? where position_id = ?", utc(event.effectiveFrom()),
                event.positionId());
    }

    @EventHandler
    void on(PositionVacatedEvent event) {
        clear(event.positionId(), event.from(), null);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from read_model.position_holder");
        jdbc.update("delete from read_model.position_line");
        jdbc.update("delete from read_model.position");
    }

    private void clear(UUID positionId, Instant from, Instant to) {
        OffsetDateTime start = utc(from);
        OffsetDateTime end = to == null ? null : utc(to);
        // a holding that starts before the range and ends after it keeps its tail as a new row
        if (end != null) {
            jdbc.update("""
                    insert into read_model.position_holder (position_id, valid_from, valid_to, tenant_id, person_id)
                    select position_id, ?, valid_to, tenant_id, person_id from read_model.position_holder
                    where position_id = ? and valid_from < ? and (valid_to is null or valid_to > ?)""",
                    end, positionId, start, end);
        }
        // holdings that start inside the range: keep what lies after it, or drop them
        if (end != null) {
            jdbc.update("""
                    update read_model.position_holder set valid_from = ? where position_id = ? and valid_from >= ?
                    and valid_from < ? and (valid_to is null or valid_to > ?)""", end, positionId, start, end, end);
        }
        jdbc.update("delete from read_model.position_holder where position_id = ? and valid_from >= ?"
                + (end == null ? "" : " and valid_from < ?"), end == null
                ? new Object[]{positionId, start} : new Object[]{positionId, start, end});
        // holdings that start before the range end where it begins
        jdbc.update("update read_model.position_holder set valid_to = ? where position_id = ? and valid_from < ? "
                + "and (valid_to is null or valid_to > ?)", start, positionId, start, start);
    }
}
