package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ChangeReportingLinesCommand(UUID tenantId, UUID positionId, UUID reportsToPositionId,
                                          List<UUID> dottedLineToPositionIds, Instant effectiveFrom,
                                          ExpectedRevision expected) implements PositionChangeCommand {

    public ChangeReportingLinesCommand {
        dottedLineToPositionIds = List.copyOf(dottedLineToPositionIds);
    }

    public ChangeReportingLinesCommand(UUID tenantId, UUID positionId, UUID reportsToPositionId,
                                       List<UUID> dottedLineToPositionIds, Instant effectiveFrom) {
        this(tenantId, positionId, reportsToPositionId, dottedLineToPositionIds, effectiveFrom, ExpectedRevision.ANY);
    }
}
