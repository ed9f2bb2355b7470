package dev.orgservice.command.structure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ChangeReportingLinesCommand(UUID tenantId, UUID positionId, UUID reportsToPositionId,
                                          List<UUID> dottedLineToPositionIds, Instant effectiveFrom)
        implements TreeCommand {

    public ChangeReportingLinesCommand {
        dottedLineToPositionIds = List.copyOf(dottedLineToPositionIds);
    }
}
