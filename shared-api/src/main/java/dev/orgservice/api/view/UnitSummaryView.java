package dev.orgservice.api.view;

import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitType;

import java.util.UUID;

/**
 * A unit in a list (children, subtree, ancestors, search). {@code depth} is relative to the unit asked about
 * (subtree: 0 for the unit itself; ancestors: 1 for the parent); absent in a search.
 */
public record UnitSummaryView(UUID unitId, UnitType type, String code, String name, UnitStatus status, UUID parentId,
                              Integer depth) {
}
