package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.UUID;

public record VacatePositionCommand(UUID tenantId, UUID positionId, Instant from) implements TreeCommand {
}
