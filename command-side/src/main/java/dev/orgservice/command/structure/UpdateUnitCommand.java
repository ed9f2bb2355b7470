package dev.orgservice.command.structure;

import dev.orgservice.api.structure.UnitDetails;

import dev.orgservice.command.revision.ExpectedRevision;

import java.util.UUID;

/** Changes a unit's name and details, as a PATCH: a null name or detail keeps its value. */
public record UpdateUnitCommand(UUID tenantId, UUID unitId, String name, UnitDetails details, ExpectedRevision expected)
        implements UnitChangeCommand {

    public UpdateUnitCommand(UUID tenantId, UUID unitId, String name, UnitDetails details) {
        this(tenantId, unitId, name, details, ExpectedRevision.ANY);
    }
}
