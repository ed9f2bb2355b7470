package dev.orgservice.command.structure;

import dev.orgservice.api.structure.ImportedPosition;

import java.util.List;
import java.util.UUID;

/** Many positions (and optionally their holders) at once, all or nothing. */
public record ImportPositionsCommand(UUID tenantId, UUID importId, List<ImportedPosition> positions)
        implements TreeCommand {
}
