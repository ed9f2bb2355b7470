package dev.orgservice.command.approval;

import dev.orgservice.api.approval.Money;
import dev.orgservice.command.structure.TreeCommand;

import java.time.Instant;
import java.util.UUID;

public record GrantApprovalAuthorityCommand(UUID tenantId, UUID positionId, String purpose, Money limit,
                                            Instant effectiveFrom) implements TreeCommand {
}
