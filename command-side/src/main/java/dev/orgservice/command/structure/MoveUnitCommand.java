package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.UUID;

public record MoveUnitCommand(UUID tenantId, UUID unitId, UUID newParentId, Instant effectiveFrom)
        implements TreeCommand {
}
