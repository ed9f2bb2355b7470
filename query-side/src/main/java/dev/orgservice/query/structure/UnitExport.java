package dev.orgservice.query.structure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.query.storage.TenantScopedReads;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * A tenant's active units as of an instant, in an order a unit import takes as it is: every unit after its parent and
 * after the cost and profit centers it is assigned (an import resolves {@code parentCode}, {@code costCenterCode} and
 * {@code profitCenterCode} to units that exist or to earlier rows). Among the units that may come next, the one with
 * the lowest code comes first, so the same structure always gives the same file.
 * <p>
 * Only active units: an import creates active units, and an active unit's parent is active; and no cost or profit
 * center whose validity has ended at {@code asOf}. A department assigned a center that is left out is exported
 * without it (an import could not assign it either). Units
 * whose references go round in a circle (a center under the department it is assigned to) cannot each come after all
 * they name: one of them names a later row, which an import of the file reports with that row.
 */
@Component
public class UnitExport {

    /**
     * The whole tenant at once: plain joins of the parent and status timelines, which PostgreSQL can hash, rather than
     * HierarchyQueries' lateral PARENT_AT and STATUS_AT, one index probe per unit, which suit a page of fifty.
     */
    private static final String ACTIVE_UNITS = "select u.unit_id, u.type, u.code, u.name, "
            + HierarchyQueries.DETAILS_AT + " as details, pa.parent_id" + """

            from read_model.unit u
            join read_model.unit_parent pa on pa.unit_id = u.unit_id
              and pa.valid_from <= :asOf and (pa.valid_to is null or pa.valid_to > :asOf)
            join read_model.unit_status st on st.unit_id = u.unit_id and st.status = 'ACTIVE'
              and st.valid_from <= :asOf and (st.valid_to is null or st.valid_to > :asOf)
            where u.tenant_id = :tenantId and u.created_from <= :asOf""";

    private final TenantScopedReads reads;
    private final ObjectMapper json;

    public UnitExport(TenantScopedReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    /** One exported unit, with the codes its references have in the export (null where none applies). */
    public record ExportedUnit(UnitType type, String code, String name, String parentCode, UnitDetails details,
                               String costCenterCode, String profitCenterCode) {
    }

    /** @param asOfGiven false: {@code asOf} is now by default, and the details are the current ones */
    public List<ExportedUnit> activeUnits(UUID tenantId, Instant asOf, boolean asOfGiven) {
        List<Stored> units = reads.forTenant(tenantId, sql -> sql.query(ACTIVE_UNITS,
                new MapSqlParameterSource("tenantId", tenantId).addValue("asOf", utc(asOf))
                        .addValue("detailsAsOf", asOfGiven ? utc(asOf) : null),
                (row, n) -> stored(row)));
        // a center whose validity has ended is left out as a closed one is: nothing can be charged to it any more,
        // and an import refuses to create a center whose validity ends before the import takes effect
        units.removeIf(unit -> unit.details().validTo() != null && !unit.details().validTo().isAfter(asOf));
        return inImportOrder(units);
    }

    private Stored stored(ResultSet row) throws SQLException {
        try {
            return new Stored(row.getObject("unit_id", UUID.class), UnitType.valueOf(row.getString("type")),
                    row.getString("code"), row.getString("name"), row.getObject("parent_id", UUID.class),
                    json.readValue(row.getString("details"), UnitDetails.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable unit details", e);
        }
    }

    /** Kahn's topological order over the references within the export, the lowest code first among the ready. */
    static List<ExportedUnit> inImportOrder(List<Stored> units) {
        Map<UUID, Stored> byId = new HashMap<>();
        units.forEach(unit -> byId.put(unit.unitId(), unit));
        Map<UUID, List<Stored>> dependents = new HashMap<>();
        Map<UUID, Integer> waitingFor = new HashMap<>();
        PriorityQueue<Stored> ready = new PriorityQueue<>(Comparator.comparing(Stored::code));
        for (Stored unit : units) {
            List<UUID> references = unit.references(byId);
            for (UUID reference : references) {
                dependents.computeIfAbsent(reference, id -> new ArrayList<>()).add(unit);
            }
            waitingFor.put(unit.unitId(), references.size());
            if (references.isEmpty()) {
                ready.add(unit);
            }
        }
        List<ExportedUnit> ordered = new ArrayList<>(units.size());
        while (ordered.size() < units.size()) {
            Stored next = ready.isEmpty() ? circleBreaker(units, byId, waitingFor) : ready.poll();
            ordered.add(next.exported(byId));
            waitingFor.remove(next.unitId());
            for (Stored dependent : dependents.getOrDefault(next.unitId(), List.of())) {
                Integer waiting = waitingFor.computeIfPresent(dependent.unitId(), (id, count) -> count - 1);
                if (waiting != null && waiting == 0) {
                    ready.add(dependent);
                }
            }
        }
        return ordered;
    }

    /**
     * Only references in a circle are left (a center under the department it is assigned to): the lowest-code unit
     * whose parent is already out goes next, naming a center that comes later, which an import reports on that row
     * alone; the units after it then follow in order again.
     */
    private static Stored circleBreaker(List<Stored> units, Map<UUID, Stored> byId, Map<UUID, Integer> waitingFor) {
        Comparator<Stored> parentOut = Comparator.comparing(unit -> waitingFor.containsKey(unit.parentId()));
        return units.stream().filter(unit -> waitingFor.containsKey(unit.unitId()))
                .min(parentOut.thenComparing(Stored::code)).orElseThrow();
    }

    /** A unit as the read model keeps it. */
    record Stored(UUID unitId, UnitType type, String code, String name, UUID parentId, UnitDetails details) {

        /** The units of the export this one names: its parent, its centers (each once). */
        List<UUID> references(Map<UUID, Stored> exported) {
            List<UUID> references = new ArrayList<>(3);
            for (UUID reference : new UUID[]{parentId, details.costCenterId(), details.profitCenterId()}) {
                if (reference != null && exported.containsKey(reference) && !references.contains(reference)) {
                    references.add(reference);
                }
            }
            return references;
        }

        ExportedUnit exported(Map<UUID, Stored> byId) {
            return new ExportedUnit(type, code, name, codeOf(parentId, byId), details,
                    codeOf(details.costCenterId(), byId), codeOf(details.profitCenterId(), byId));
        }

        private static String codeOf(UUID unitId, Map<UUID, Stored> byId) {
            Stored unit = unitId == null ? null : byId.get(unitId);
            return unit == null ? null : unit.code();
        }
    }
}
