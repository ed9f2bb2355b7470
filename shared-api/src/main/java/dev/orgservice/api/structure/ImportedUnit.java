package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;

import java.util.UUID;

/** One unit of a bulk import; parents are resolved to ids (earlier in the import or already existing). */
public record ImportedUnit(UUID unitId, UnitType type, String code, String name, @MayBeAbsent UUID parentId,
                           UnitDetails details) {
}
