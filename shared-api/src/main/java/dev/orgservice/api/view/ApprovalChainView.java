package dev.orgservice.api.view;

import dev.orgservice.api.approval.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who must approve a request, in order. {@code complete} is false when the approvers found do not satisfy the
 * policy (nobody with enough authority, too few or too many approvers); {@code explanation} says why, and says
 * every pass-over listed in {@code skipped}.
 */
public record ApprovalChainView(String purpose, String requesterId, UUID requesterPositionId, Money amount,
                                Instant asOf, boolean complete, List<Approver> approvers, List<Skipped> skipped,
                                String explanation) {

    /**
     * One approver: the person, the position and unit in whose capacity they approve, that position's authority
     * in the request's currency (null if none), the policy step that put them here and why;
     * {@code delegatedFrom} is the holder they stand in for when a delegation applied.
     */
    public record Approver(String step, String personId, UUID positionId, UUID unitId, Money authority,
                           String reason, String delegatedFrom) {
    }

    /**
     * A position (or person) passed over: {@code VACANT}, {@code REQUESTER}, {@code DUPLICATE},
     * {@code DELEGATE_IS_REQUESTER}, or {@code CLOSED} (a position the policy names, closed at the request's instant).
     */
    public record Skipped(UUID positionId, String personId, String reason) {
    }
}
