package dev.orgservice.command.structure;

import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Many units at once, all or nothing. A row names its parent by id or by code (existing or earlier in the import). */
public record ImportUnitsCommand(UUID tenantId, UUID importId, Instant effectiveFrom, List<Row> rows)
        implements TreeCommand {

    public record Row(UUID unitId, UnitType type, String code, String name, UUID parentId, String parentCode,
                      UnitDetails details) {
    }
}
