package dev.orgservice.command.structure;

import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;

import java.time.Instant;
import java.util.UUID;

public record CreateUnitCommand(UUID tenantId, UUID unitId, UnitType type, String code, String name, UUID parentId,
                                Instant effectiveFrom, UnitDetails details) implements TreeCommand {
}
