package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.util.UUID;

public record RetitlePositionCommand(UUID tenantId, UUID positionId, String title, ExpectedRevision expected)
        implements PositionChangeCommand {

    public RetitlePositionCommand(UUID tenantId, UUID positionId, String title) {
        this(tenantId, positionId, title, ExpectedRevision.ANY);
    }
}
