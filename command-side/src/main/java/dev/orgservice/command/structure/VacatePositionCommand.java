package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.time.Instant;
import java.util.UUID;

public record VacatePositionCommand(UUID tenantId, UUID positionId, Instant from, ExpectedRevision expected)
        implements PositionChangeCommand {

    public VacatePositionCommand(UUID tenantId, UUID positionId, Instant from) {
        this(tenantId, positionId, from, ExpectedRevision.ANY);
    }
}
