package dev.orgservice.command.approval;

import dev.orgservice.command.structure.TreeCommand;

import java.time.Instant;
import java.util.UUID;

public record RevokeApprovalAuthorityCommand(UUID tenantId, UUID positionId, String purpose, String currency,
                                             Instant effectiveFrom) implements TreeCommand {
}
