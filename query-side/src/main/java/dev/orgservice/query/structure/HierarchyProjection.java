package dev.orgservice.query.structure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.structure.UnitReopenedEvent;
import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitsImportedEvent;
import dev.orgservice.query.storage.Timeline;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import dev.orgservice.query.parking.ParkedTenants;
import dev.orgservice.query.parking.TenantParking;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * Builds the hierarchy read model (units, parent and status timelines) from the structure events. A unit's
 * {@code revision} is the sequence number of the last event that changed it, as the command side counts it.
 */
@Component
@ProcessingGroup(HierarchyProjection.PROCESSING_GROUP)
public class HierarchyProjection {

    public static final String PROCESSING_GROUP = "hierarchy-projection";

    /** A unit's parent rows also carry its summary for the subtree, children and ancestors (V8 of the read model). */
    private static final Timeline PARENT = new Timeline("read_model.unit_parent", "parent_id", "unit_id")
            .carrying("type", "code", "name", "status_changed");
    private static final Timeline STATUS = new Timeline("read_model.unit_status", "status", "unit_id");

    private static final String NEW_UNITS = HierarchyProjection.class.getName() + ".newUnits";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ParkedTenants parkedTenants;

    public HierarchyProjection(JdbcTemplate jdbc, ObjectMapper json, ParkedTenants parkedTenants) {
        this.jdbc = jdbc;
        this.json = json;
        this.parkedTenants = parkedTenants;
    }

    @EventHandler
    void on(UnitCreatedEvent event, @Timestamp Instant recorded, @SequenceNumber long revision) {
        newUnits().add(event.tenantId(), List.of(new ImportedUnit(event.unitId(), event.type(), event.code(),
                event.name(), event.parentId(), event.details())), event.effectiveFrom(), recorded, revision);
    }

    /** A batch of up to 1,000 units, written with the batch's other new units: they have no timeline to fix up. */
    @EventHandler
    void on(UnitsImportedEvent event, @Timestamp Instant recorded, @SequenceNumber long revision) {
        newUnits().add(event.tenantId(), event.units(), event.effectiveFrom(), recorded, revision);
    }

    @EventHandler
    void on(UnitDetailsUpdatedEvent event, @Timestamp Instant recorded, @SequenceNumber long revision) {
        writeNewUnits();
        // the details this change replaces, for answers as of an earlier instant (V27), from when it was recorded: the
        // event's time, so that a rebuild writes the same rows (a read without asOf takes the current details)
        jdbc.update("insert into read_model.unit_details_change (unit_id, changed_at, tenant_id, details_before) "
                + "select unit_id, ?, tenant_id, details from read_model.unit where unit_id = ? on conflict do nothing",
                utc(recorded), event.unitId());
        jdbc.update("update read_model.unit set name = coalesce(?, name), details = details || ?::jsonb, updated_at = ?, "
                + "revision = ? where unit_id = ?", event.name(), NewUnits.json(json, event.details()), utc(recorded),
                revision, event.unitId());
        if (event.name() != null) {
            jdbc.update("update read_model.unit_parent set name = ? where unit_id = ?", event.name(), event.unitId());
            SearchKeys.replace(jdbc, event.unitId());
        }
    }

    @EventHandler
    void on(UnitMovedEvent event, @SequenceNumber long revision) {
        writeNewUnits();
        PARENT.set(jdbc, event.tenantId(), List.of(event.unitId()), event.effectiveFrom(), event.toParentId());
        setRevision(event.unitId(), revision);
    }

    @EventHandler
    void on(UnitClosedEvent event, @SequenceNumber long revision) {
        setStatus(event.tenantId(), event.unitId(), event.effectiveFrom(), UnitStatus.CLOSED);
        setRevision(event.unitId(), revision);
    }

    @EventHandler
    void on(UnitReopenedEvent event, @SequenceNumber long revision) {
        setStatus(event.tenantId(), event.unitId(), event.effectiveFrom(), UnitStatus.ACTIVE);
        setRevision(event.unitId(), revision);
    }

    /** From now on the reads look the unit's status up in its timeline instead of taking it as ACTIVE. */
    private void setStatus(UUID tenantId, UUID unitId, Instant from, UnitStatus status) {
        writeNewUnits();
        STATUS.set(jdbc, tenantId, List.of(unitId), from, status.name());
        jdbc.update("update read_model.unit_parent set status_changed = true where unit_id = ? and not status_changed",
                unitId);
    }

    private void setRevision(UUID unitId, long revision) {
        jdbc.update("update read_model.unit set revision = ? where unit_id = ?", revision, unitId);
    }

    @ResetHandler
    void reset() {
        parkedTenants.forget(PROCESSING_GROUP);
        jdbc.update("delete from read_model.unit_details_change");
        jdbc.update("delete from read_model.unit_search_key");
        jdbc.update("delete from read_model.unit_status");
        jdbc.update("delete from read_model.unit_parent");
        jdbc.update("delete from read_model.unit");
    }

    /**
     * The units created by the events of the batch being processed, written together (three batched statements
     * for the batch, where each event took three round trips of its own: half of this processor's CPU while the
     * benchmark created units in 64 tenants) when the batch commits, or before any other statement of this
     * projection, which may need them (a unit created and moved in one batch). Kept in the batch's unit of work,
     * so a batch that fails and is retried starts with none. A batch retried event by event writes each event's
     * units at once, where a failure can be undone with that event alone (TenantParking).
     */
    private NewUnits newUnits() {
        if (!CurrentUnitOfWork.isStarted() || TenantParking.eventByEvent()) {
            return new NewUnits(jdbc, json, 0);
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(NEW_UNITS, key -> {
            NewUnits units = new NewUnits(jdbc, json, NewUnits.MAX_PENDING);
            batch.onPrepareCommit(u -> units.write());
            return units;
        });
    }

    private void writeNewUnits() {
        if (CurrentUnitOfWork.isStarted()) {
            NewUnits pending = CurrentUnitOfWork.get().root().getResource(NEW_UNITS);
            if (pending != null) {
                pending.write();
            }
        }
    }
}
