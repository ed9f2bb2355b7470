package dev.orgservice.command.approval;

import dev.orgservice.command.structure.TreeCommand;

import java.time.Instant;
import java.util.UUID;

public record RevokeDelegationCommand(UUID tenantId, UUID delegationId, Instant revokedAt) implements TreeCommand {
}
