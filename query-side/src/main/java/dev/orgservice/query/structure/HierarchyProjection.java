package dev.orgservice.query.structure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.structure.UnitReopenedEvent;
import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitsImportedEvent;
import dev.orgservice.query.storage.Timeline;
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

/** Builds the hierarchy read model (units, parent and status timelines) from the structure events. */
@Component
@ProcessingGroup(HierarchyProjection.PROCESSING_GROUP)
public class HierarchyProjection {

    public static final String PROCESSING_GROUP = "hierarchy-projection";

    private static final Timeline PARENT = new Timeline("read_model.unit_parent", "parent_id", "unit_id");
    private static final Timeline STATUS = new Timeline("read_model.unit_status", "status", "unit_id");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public HierarchyProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(UnitCreatedEvent event, @Timestamp Instant recorded) {
        insertUnits(event.tenantId(), List.of(new ImportedUnit(event.unitId(), event.type(), event.code(), event.name(),
                event.parentId(), event.details())), event.effectiveFrom(), recorded);
    }

    /** A batch of up to 1,000 units in three batched statements: new units have no timeline to fix up. */
    @EventHandler
    void on(UnitsImportedEvent event, @Timestamp Instant recorded) {
        insertUnits(event.tenantId(), event.units(), event.effectiveFrom(), recorded);
    }

    @EventHandler
    void on(UnitDetailsUpdatedEvent event, @Timestamp Instant recorded) {
        jdbc.update("update read_model.unit set name = coalesce(?, name), details = details || ?::jsonb, updated_at = ? "
                + "where unit_id = ?", event.name(), toJson(event.details()), utc(recorded), event.unitId());
    }

    @EventHandler
    void on(UnitMovedEvent event) {
        PARENT.set(jdbc, event.tenantId(), List.of(event.unitId()), event.effectiveFrom(), event.toParentId());
    }

    @EventHandler
    void on(UnitClosedEvent event) {
        STATUS.set(jdbc, event.tenantId(), List.of(event.unitId()), event.effectiveFrom(), UnitStatus.CLOSED.name());
    }

    @EventHandler
    void on(UnitReopenedEvent event) {
        STATUS.set(jdbc, event.tenantId(), List.of(event.unitId()), event.effectiveFrom(), UnitStatus.ACTIVE.name());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from read_model.unit_status");
        jdbc.update("delete from read_model.unit_parent");
        jdbc.update("delete from read_model.unit");
    }

    private void insertUnits(UUID tenantId, List<ImportedUnit> units, Instant from, Instant recorded) {
        OffsetDateTime at = utc(from);
        jdbc.batchUpdate("""
                insert into read_model.unit (unit_id, tenant_id, type, code, name, details, created_from, updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (unit_id) do nothing""", units, units.size(),
                (statement, unit) -> {
                    statement.setObject(1, unit.unitId());
                    statement.setObject(2, tenantId);
                    statement.setString(3, unit.type().name());
                    statement.setString(4, unit.code());
                    statement.setString(5, unit.name());
                    statement.setString(6, toJson(unit.details()));
                    statement.setObject(7, at);
                    statement.setObject(8, utc(recorded));
                });
        jdbc.batchUpdate("""
                insert into read_model.unit_parent (unit_id, valid_from, tenant_id, parent_id) values (?, ?, ?, ?)
                on conflict (unit_id, valid_from) do nothing""", units, units.size(), (statement, unit) -> {
            statement.setObject(1, unit.unitId());
            statement.setObject(2, at);
            statement.setObject(3, tenantId);
            statement.setObject(4, unit.parentId());
        });
        jdbc.batchUpdate("""
                insert into read_model.unit_status (unit_id, valid_from, tenant_id, status) values (?, ?, ?, 'ACTIVE')
                on conflict (unit_id, valid_from) do nothing""", units, units.size(), (statement, unit) -> {
            statement.setObject(1, unit.unitId());
            statement.setObject(2, at);
            statement.setObject(3, tenantId);
        });
    }

    private String toJson(UnitDetails details) {
        try {
            return json.writeValueAsString(details == null ? UnitDetails.NONE : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write unit details", e);
        }
    }
}
