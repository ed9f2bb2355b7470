package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.UUID;

public record AssignHolderCommand(UUID tenantId, UUID positionId, String personId, Instant from, Instant to)
        implements TreeCommand {
}
