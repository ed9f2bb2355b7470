package dev.orgservice.command.approval;

import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.command.structure.TreeCommand;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record DefineApprovalPolicyCommand(UUID tenantId, String purpose, List<ApprovalStep> steps, int minApprovers,
                                          int maxApprovers, Instant effectiveFrom) implements TreeCommand {
}
