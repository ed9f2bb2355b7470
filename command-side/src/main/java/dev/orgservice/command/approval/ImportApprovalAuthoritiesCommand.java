package dev.orgservice.command.approval;

import dev.orgservice.api.approval.ImportedAuthority;
import dev.orgservice.command.structure.TreeCommand;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ImportApprovalAuthoritiesCommand(UUID tenantId, UUID importId, Instant effectiveFrom,
                                               List<ImportedAuthority> authorities) implements TreeCommand {
}
