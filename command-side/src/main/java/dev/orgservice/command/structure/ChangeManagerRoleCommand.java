package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.UUID;

public record ChangeManagerRoleCommand(UUID tenantId, UUID positionId, boolean manager, Instant effectiveFrom)
        implements TreeCommand {
}
