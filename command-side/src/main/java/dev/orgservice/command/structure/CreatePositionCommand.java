package dev.orgservice.command.structure;

import java.util.List;
import java.util.UUID;

public record CreatePositionCommand(UUID tenantId, UUID positionId, UUID unitId, String title, boolean manager,
                                    UUID reportsToPositionId, List<UUID> dottedLineToPositionIds)
        implements TreeCommand {
}
