package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.time.Instant;
import java.util.UUID;

public record MoveUnitCommand(UUID tenantId, UUID unitId, UUID newParentId, Instant effectiveFrom,
                              ExpectedRevision expected) implements UnitChangeCommand {

    public MoveUnitCommand(UUID tenantId, UUID unitId, UUID newParentId, Instant effectiveFrom) {
        this(tenantId, unitId, newParentId, effectiveFrom, ExpectedRevision.ANY);
    }
}
