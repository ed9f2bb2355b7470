package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.time.Instant;
import java.util.UUID;

public record ChangeManagerRoleCommand(UUID tenantId, UUID positionId, boolean manager, Instant effectiveFrom,
                                       ExpectedRevision expected) implements PositionChangeCommand {

    public ChangeManagerRoleCommand(UUID tenantId, UUID positionId, boolean manager, Instant effectiveFrom) {
        this(tenantId, positionId, manager, effectiveFrom, ExpectedRevision.ANY);
    }
}
