package dev.orgservice.command.structure;

import java.util.UUID;

public record RetitlePositionCommand(UUID tenantId, UUID positionId, String title) implements TreeCommand {
}
