package dev.orgservice.query.approval;

import dev.orgservice.api.approval.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * The question another service asks: who must approve {@code amount} for {@code purpose}, requested by
 * {@code requesterId} (in the capacity of {@code requesterPositionId} when they hold several positions), charged to
 * {@code costCenterId}, as the organization is (or will be) at {@code asOf}.
 */
public record ApprovalRequest(String purpose, String requesterId, UUID requesterPositionId, Money amount,
                              UUID costCenterId, Instant asOf) {
}
