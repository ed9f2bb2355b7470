package dev.orgservice.query.structure;

import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionCreation;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionRetitledEvent;
import dev.orgservice.api.structure.PositionVacatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * Positions and their holders over time. Part of the hierarchy processing group: management chains join
 * positions with the unit tree, so both must be at the same point of the event stream. A position's
 * {@code revision} is the sequence number of the last event that changed it, as the command side counts it.
 */
@Component
@ProcessingGroup(HierarchyProjection.PROCESSING_GROUP)
public class PositionProjection {

    /**
     * The unit, role and lines a position is created with: they hold at every {@code asOf}, as the position does (V13,
     * V16, V17; created_at is the position's, copied for the first-manager index). Its role counts from its creation
     * (V20): a manager position created today has not been one longer than a head made one last year.
     */
    private static final String FIRST_LINES = """
            insert into read_model.position_line (position_id, valid_from, lines_from, role_since, tenant_id, unit_id,
                reports_to_position_id, dotted_line_to, manager, created_at)
            values (?, '-infinity', '-infinity', ?, ?, ?, ?, ?, ?, ?)
            on conflict (position_id, valid_from) do nothing""";
    private static final String NEW_POSITION = """
            insert into read_model.position (position_id, tenant_id, title, created_at, revision)
            values (?, ?, ?, ?, ?) on conflict (position_id) do nothing""";
    /** Cuts the position's row in effect at an instant there: the part from it on becomes a row of its own. */
    private static final String CUT_AT = """
            insert into read_model.position_line (position_id, valid_from, valid_to, lines_from, unit_from, manager_from,
                role_since, tenant_id, unit_id, reports_to_position_id, dotted_line_to, manager, created_at, closed_from)
            select position_id, :at, valid_to, lines_from, unit_from, manager_from, role_since, tenant_id, unit_id,
                reports_to_position_id, dotted_line_to, manager, created_at, closed_from from read_model.position_line
            where position_id = :position and valid_from < :at and (valid_to is null or valid_to > :at)""";
    private static final String END_AT = """
            update read_model.position_line set valid_to = :at
            where position_id = :position and valid_from < :at and (valid_to is null or valid_to > :at)""";
    /**
     * Since when each of the position's rows has been in its unit in its role: the start of the first of its
     * consecutive rows with the same unit and role (V17), but never before the position's creation (V20, V22: a
     * position created today and made a manager from last year has not been one longer than the head it found).
     * After a move or a change of role, which may join or split such runs; a run is numbered by the changes before
     * it, since a move recorded for a date before the creation starts a run earlier than the first one's creation.
     */
    private static final String ROLE_SINCE = """
            update read_model.position_line l set role_since = runs.since
            from (select valid_from, max(change) over (partition by run) as since
                  from (select valid_from, change, count(change) over (order by valid_from) as run
                        from (select valid_from, case when (unit_id, manager) is distinct from
                                  (lag(unit_id) over w, lag(manager) over w)
                                  then greatest(valid_from, created_at)
                                  end as change
                              from read_model.position_line where position_id = :position
                              window w as (order by valid_from)) changes) numbered) runs
            where l.position_id = :position and l.valid_from = runs.valid_from
              and l.role_since is distinct from runs.since""";

    /** Removes the person's holdings of the position that end at the new one's start or start at its end. */
    private static final String TAKE_ADJOINING_HOLDINGS = """
            delete from read_model.position_holder where position_id = ? and person_id = ?
               and (valid_to = ? or valid_from = ?)
            returning valid_from, valid_to""";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public PositionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @EventHandler
    void on(PositionCreatedEvent event, @Timestamp Instant recorded, @SequenceNumber long revision) {
        OffsetDateTime created = utc(PositionCreation.of(recorded));
        jdbc.update(NEW_POSITION, event.positionId(), event.tenantId(), event.title(), created, revision);
        jdbc.update(FIRST_LINES, ps -> {
            ps.setObject(1, event.positionId());
            ps.setObject(2, created);
            ps.setObject(3, event.tenantId());
            ps.setObject(4, event.unitId());
            ps.setObject(5, event.reportsToPositionId());
            ps.setArray(6, ps.getConnection().createArrayOf("uuid", event.dottedLineToPositionIds().toArray()));
            ps.setBoolean(7, event.manager());
            ps.setObject(8, created);
        });
    }

    @EventHandler
    void on(PositionsImportedEvent event, @Timestamp Instant recorded, @SequenceNumber long revision) {
        List<ImportedPosition> positions = event.positions();
        OffsetDateTime created = utc(PositionCreation.ofImported(recorded, event.batch()));
        jdbc.batchUpdate(NEW_POSITION, positions, positions.size(), (ps, p) -> {
            ps.setObject(1, p.positionId());
            ps.setObject(2, event.tenantId());
            ps.setString(3, p.title());
            ps.setObject(4, created);
            ps.setLong(5, revision);
        });
        jdbc.batchUpdate(FIRST_LINES, positions, positions.size(), (ps, p) -> {
            ps.setObject(1, p.positionId());
            ps.setObject(2, created);
            ps.setObject(3, event.tenantId());
            ps.setObject(4, p.unitId());
            ps.setObject(5, p.reportsToPositionId());
            ps.setArray(6, ps.getConnection().createArrayOf("uuid", new UUID[0]));
            ps.setBoolean(7, p.manager());
            ps.setObject(8, created);
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

    /**
     * Ends or trims every holding that overlaps [from, to), then records the new one, joined with the same person's
     * holdings that end where it starts or start where it ends: a holding renewed without a break (an end date, then
     * the same person again from it) is one holding, so "held the longest" counts from its start.
     */
    @EventHandler
    void on(PositionHolderAssignedEvent event, @SequenceNumber long revision) {
        setRevision(event.positionId(), revision);
        clear(event.positionId(), event.from(), event.to());
        OffsetDateTime from = utc(event.from());
        OffsetDateTime to = event.to() == null ? null : utc(event.to());
        List<OffsetDateTime[]> adjoining = jdbc.query(TAKE_ADJOINING_HOLDINGS, (row, n) -> new OffsetDateTime[]{
                row.getObject(1, OffsetDateTime.class), row.getObject(2, OffsetDateTime.class)},
                event.positionId(), event.personId(), from, to);
        for (OffsetDateTime[] holding : adjoining) {
            if (holding[0].isBefore(from)) {
                from = holding[0];
            } else {
                to = holding[1]; // null: the same person holds it on without an end
            }
        }
        jdbc.update("insert into read_model.position_holder (position_id, valid_from, valid_to, tenant_id, person_id) "
                + "values (?, ?, ?, ?, ?)", event.positionId(), from, to, event.tenantId(), event.personId());
    }

    @EventHandler
    void on(PositionRetitledEvent event, @SequenceNumber long revision) {
        jdbc.update("update read_model.position set title = ?, revision = ? where position_id = ?", event.title(),
                revision, event.positionId());
    }

    /** The new lines hold from {@code effectiveFrom} until the position's next change of lines. */
    @EventHandler
    void on(PositionReportingLinesChangedEvent event, @SequenceNumber long revision) {
        setRevision(event.positionId(), revision);
        changeFrom(event.positionId(), event.effectiveFrom(), "lines_from",
                "reports_to_position_id = :reportsTo, dotted_line_to = :dotted",
                new MapSqlParameterSource("reportsTo", event.reportsToPositionId())
                        .addValue("dotted", new SqlArrayValue("uuid", event.dottedLineToPositionIds().toArray())));
    }

    /** The unit from {@code effectiveFrom} until the position's next move. */
    @EventHandler
    void on(PositionMovedEvent event, @SequenceNumber long revision) {
        setRevision(event.positionId(), revision);
        changeFrom(event.positionId(), event.effectiveFrom(), "unit_from", "unit_id = :unit",
                new MapSqlParameterSource("unit", event.toUnitId()));
        named.update(ROLE_SINCE, Map.of("position", event.positionId()));
    }

    /** The manager role from {@code effectiveFrom} until the position's next change of role. */
    @EventHandler
    void on(PositionManagerRoleChangedEvent event, @SequenceNumber long revision) {
        setRevision(event.positionId(), revision);
        changeFrom(event.positionId(), event.effectiveFrom(), "manager_from", "manager = :manager",
                new MapSqlParameterSource("manager", event.manager()));
        named.update(ROLE_SINCE, Map.of("position", event.positionId()));
    }

    @EventHandler
    void on(PositionClosedEvent event, @SequenceNumber long revision) {
        jdbc.update("update read_model.position set closed_from = ?, revision = ? where position_id = ?",
                utc(event.effectiveFrom()), revision, event.positionId());
        jdbc.update("update read_model.position_line set closed_from = ? where position_id = ?",
                utc(event.effectiveFrom()), event.positionId());
    }

    @EventHandler
    void on(PositionVacatedEvent event, @SequenceNumber long revision) {
        setRevision(event.positionId(), revision);
        clear(event.positionId(), event.from(), null);
    }

    private void setRevision(UUID positionId, long revision) {
        jdbc.update("update read_model.position set revision = ? where position_id = ?", revision, positionId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from read_model.position_holder");
        jdbc.update("delete from read_model.position_line");
        jdbc.update("delete from read_model.position");
    }

    /**
     * One of the position's timelines (its lines, unit or role) changes from {@code at} until its next change of the
     * same kind: the row in effect at {@code at} is cut there (unless one starts there), and every row from there on
     * whose {@code setBy} column, the date of the change of this kind that set it, is at or before {@code at} takes
     * {@code assignments}. Rows cut only by changes of other kinds follow it; a later change of this kind keeps its own.
     */
    private void changeFrom(UUID positionId, Instant at, String setBy, String assignments, MapSqlParameterSource values) {
        MapSqlParameterSource change = new MapSqlParameterSource(values.getValues()).addValue("position", positionId)
                .addValue("at", utc(at));
        named.update(CUT_AT, change);
        named.update(END_AT, change);
        named.update("update read_model.position_line set " + assignments + ", " + setBy + " = :at where position_id = "
                + ":position and valid_from >= :at and " + setBy + " <= :at", change);
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
