package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.time.Instant;
import java.util.UUID;

public record ClosePositionCommand(UUID tenantId, UUID positionId, Instant effectiveFrom, ExpectedRevision expected)
        implements PositionChangeCommand {

    public ClosePositionCommand(UUID tenantId, UUID positionId, Instant effectiveFrom) {
        this(tenantId, positionId, effectiveFrom, ExpectedRevision.ANY);
    }
}
