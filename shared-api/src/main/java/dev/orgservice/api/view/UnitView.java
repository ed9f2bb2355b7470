package dev.orgservice.api.view;

import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One unit as of a point in time: its place in the tree ({@code path} = ids root..unit, {@code depth} 0 = root).
 * {@code revision} is the unit's own record version (its last create, details change, move, close or reopen,
 * whatever its effective date), to send in {@code If-Match}; null for a unit the read model projected before it
 * kept revisions, until the unit changes or the projection is rebuilt.
 */
public record UnitView(
        UUID unitId,
        UnitType type,
        String code,
        String name,
        UnitStatus status,
        UUID parentId,
        List<UUID> path,
        int depth,
        Instant existsFrom,
        UnitDetails details,
        Instant asOf,
        Long revision) {
}
