package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.time.Instant;
import java.util.UUID;

public record AssignHolderCommand(UUID tenantId, UUID positionId, String personId, Instant from, Instant to,
                                  ExpectedRevision expected) implements PositionChangeCommand {

    public AssignHolderCommand(UUID tenantId, UUID positionId, String personId, Instant from, Instant to) {
        this(tenantId, positionId, personId, from, to, ExpectedRevision.ANY);
    }
}
