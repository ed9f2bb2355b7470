package dev.orgservice.command.structure;

import dev.orgservice.command.revision.ExpectedRevision;

import java.time.Instant;
import java.util.UUID;

public record ReopenUnitCommand(UUID tenantId, UUID unitId, Instant effectiveFrom, ExpectedRevision expected)
        implements UnitChangeCommand {

    public ReopenUnitCommand(UUID tenantId, UUID unitId, Instant effectiveFrom) {
        this(tenantId, unitId, effectiveFrom, ExpectedRevision.ANY);
    }
}
