package dev.orgservice.command.structure;

import dev.orgservice.api.structure.UnitDetails;

import java.util.UUID;

/** Replaces the unit's name and details (the API merges a PATCH into the current values first). */
public record UpdateUnitCommand(UUID tenantId, UUID unitId, String name, UnitDetails details) implements TreeCommand {
}
