package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.problem.OrgException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks every row of a bulk import against the tree and the rows before it, collecting every error with its
 * row number, so a client fixes a file in one round trip. Nothing is applied unless all rows are valid.
 */
final class ImportPlan {

    /** One problem with one row (rows are numbered from 0, in request order). */
    record RowError(int row, String type, String field, String message) {
    }

    /**
     * How every import (units, positions, approval authorities) refuses a file: one 422 listing each problem by
     * row, with the number of rows, and nothing imported.
     */
    static OrgException rejected(List<RowError> errors, int rows) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("errors", errors);
        properties.put("rows", rows);
        return new OrgException(ErrorCode.RULE_VIOLATION, errors.size() + " problem(s) in " + rows
                + " rows; nothing was imported", properties);
    }

    private final UnitRules units;
    private final ImportUnitsCommand command;
    private final Map<String, ImportedUnit> byCode = new HashMap<>();
    private final Map<UUID, UnitType> newTypes = new HashMap<>();
    /** The deepest each new unit would sit at any checkpoint from the import on, and so would a child of it. */
    private final Map<UUID, Integer> deepest = new HashMap<>();
    /**
     * Existing parents found active at every checkpoint from the import on, and how deep a child of each would sit:
     * checked once per parent, not once per row (each looks at the parent's own changes and its ancestors' moves).
     */
    private final Set<UUID> activeParents = new HashSet<>();
    private final Map<UUID, Integer> childDepths = new HashMap<>();
    /** Codes of rows already reported as invalid: a later duplicate or child of them is reported too. */
    private final Set<String> rejectedCodes = new HashSet<>();
    private final List<RowError> errors = new ArrayList<>();

    ImportPlan(UnitRules units, ImportUnitsCommand command) {
        this.units = units;
        this.command = command;
    }

    List<ImportedUnit> resolve() {
        List<ImportedUnit> resolved = new ArrayList<>(command.rows().size());
        for (int row = 0; row < command.rows().size(); row++) {
            ImportedUnit unit = resolve(row, command.rows().get(row));
            if (unit != null) {
                resolved.add(unit);
                byCode.put(unit.code(), unit);
                newTypes.put(unit.unitId(), unit.type());
            }
        }
        if (!errors.isEmpty()) {
            throw rejected(errors, command.rows().size());
        }
        return resolved;
    }

    private ImportedUnit resolve(int row, ImportUnitsCommand.Row unit) {
        ImportedUnit resolved = check(row, unit);
        if (resolved == null && !taken(unit.code())) {
            rejectedCodes.add(unit.code());
        }
        return resolved;
    }

    private ImportedUnit check(int row, ImportUnitsCommand.Row unit) {
        if (taken(unit.code()) || rejectedCodes.contains(unit.code())) {
            return reject(row, ErrorCode.DUPLICATE, "code", "code " + unit.code() + " is already used");
        }
        if (unit.parentCode() != null && !taken(unit.parentCode()) && rejectedCodes.contains(unit.parentCode())) {
            return reject(row, ErrorCode.CONFLICT, "parentCode", "the row with code " + unit.parentCode()
                    + " is itself invalid");
        }
        UUID parentId = unit.parentId();
        UnitType parentType = null;
        if (unit.parentCode() != null) {
            parentId = idOf(unit.parentCode());
            if (parentId == null) {
                return reject(row, ErrorCode.NOT_FOUND, "parentCode", "no unit with code " + unit.parentCode()
                        + " exists or comes earlier in the import");
            }
        }
        if (parentId != null) {
            parentType = newTypes.containsKey(parentId) ? newTypes.get(parentId)
                    : units.unit(parentId) == null ? null : units.unit(parentId).type();
            if (parentType == null) {
                return reject(row, ErrorCode.NOT_FOUND, "parentId", "unit " + parentId + " does not exist");
            }
            if (!ParentRules.isAllowedParent(unit.type(), parentType)) {
                return reject(row, ErrorCode.RULE_VIOLATION, "type", "a " + unit.type() + " cannot sit under a "
                        + parentType);
            }
            if (!newTypes.containsKey(parentId) && !activeParents.contains(parentId)) {
                UnitNode parent = units.unit(parentId);
                Instant inactive = parent.firstInactiveFrom(command.effectiveFrom());
                if (inactive != null) {
                    return reject(row, ErrorCode.CONFLICT, unit.parentCode() != null ? "parentCode" : "parentId",
                            "parent " + parent.code() + " is not active at " + inactive);
                }
                activeParents.add(parentId);
            }
        } else if (!ParentRules.mayBeRoot(unit.type())) {
            return reject(row, ErrorCode.RULE_VIOLATION, "parentId", "a " + unit.type() + " needs a parent");
        }
        int depth = parentId == null ? 0 : deepest.containsKey(parentId) ? deepest.get(parentId) + 1
                : childDepths.computeIfAbsent(parentId, existing -> units.deepestChildOf(existing, command.effectiveFrom()));
        if (depth > UnitDepths.MAX) {
            return reject(row, ErrorCode.RULE_VIOLATION, unit.parentCode() != null ? "parentCode" : "parentId",
                    "the unit would sit " + depth + " levels below its root; a unit sits at most " + UnitDepths.MAX);
        }
        UUID costCenter = unit.costCenterCode() == null ? unit.details().costCenterId() : idOf(unit.costCenterCode());
        UUID profitCenter = unit.profitCenterCode() == null ? unit.details().profitCenterId()
                : idOf(unit.profitCenterCode());
        if (costCenter == null && unit.costCenterCode() != null) {
            return rejectCode(row, "costCenterCode", unit.costCenterCode());
        }
        if (profitCenter == null && unit.profitCenterCode() != null) {
            return rejectCode(row, "profitCenterCode", unit.profitCenterCode());
        }
        UnitDetails details = withCenters(unit.details(), costCenter, profitCenter);
        try {
            units.requireValidDetails(unit.type(), details, command.effectiveFrom(), newTypes);
        } catch (OrgException e) {
            return reject(row, e.code(), "details", e.getMessage());
        }
        deepest.put(unit.unitId(), depth);
        return new ImportedUnit(unit.unitId(), unit.type(), unit.code(), unit.name(), parentId, details);
    }

    /** The unit with this code, an earlier row's or an existing one; {@code null} if none. */
    private UUID idOf(String code) {
        ImportedUnit earlier = byCode.get(code);
        return earlier != null ? earlier.unitId() : units.unitWithCode(code);
    }

    private ImportedUnit rejectCode(int row, String field, String code) {
        return rejectedCodes.contains(code)
                ? reject(row, ErrorCode.CONFLICT, field, "the row with code " + code + " is itself invalid")
                : reject(row, ErrorCode.NOT_FOUND, field, "no unit with code " + code
                + " exists or comes earlier in the import");
    }

    private static UnitDetails withCenters(UnitDetails details, UUID costCenterId, UUID profitCenterId) {
        return new UnitDetails(details.legalName(), details.registrationNumber(), details.taxId(), details.country(),
                details.currency(), details.address(), details.timezone(), details.geo(),
                details.responsiblePersonId(), details.category(), details.segment(), details.validTo(), costCenterId,
                profitCenterId);
    }

    private boolean taken(String code) {
        return byCode.containsKey(code) || units.unitWithCode(code) != null;
    }

    private ImportedUnit reject(int row, ErrorCode code, String field, String message) {
        errors.add(new RowError(row, code.type().toString(), field, message));
        return null;
    }
}
