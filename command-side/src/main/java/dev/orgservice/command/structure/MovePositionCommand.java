package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.UUID;

public record MovePositionCommand(UUID tenantId, UUID positionId, UUID unitId, Instant effectiveFrom)
        implements TreeCommand {
}
