package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.UUID;

public record ClosePositionCommand(UUID tenantId, UUID positionId, Instant effectiveFrom) implements TreeCommand {
}
