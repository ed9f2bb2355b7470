package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.time.Instant;
import java.util.UUID;

public record MovePositionCommand(UUID tenantId, UUID positionId, UUID unitId, Instant effectiveFrom,
                                  ExpectedRevision expected) implements PositionChangeCommand {

    public MovePositionCommand(UUID tenantId, UUID positionId, UUID unitId, Instant effectiveFrom) {
        this(tenantId, positionId, unitId, effectiveFrom, ExpectedRevision.ANY);
    }
}
