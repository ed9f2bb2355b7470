package dev.orgservice.command.approval;

import dev.orgservice.api.approval.Money;
import dev.orgservice.command.structure.TreeCommand;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record GrantDelegationCommand(UUID tenantId, UUID delegationId, String delegatorId, String delegateId,
                                     List<String> purposes, UUID unitScope, Money maxAmount, Instant validFrom,
                                     Instant validTo) implements TreeCommand {
}
