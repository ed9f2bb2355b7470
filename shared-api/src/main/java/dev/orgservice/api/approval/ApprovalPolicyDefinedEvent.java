package dev.orgservice.api.approval;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** From {@code effectiveFrom} on, requests for {@code purpose} follow these steps, with this many approvers. */
@Revision("1")
public record ApprovalPolicyDefinedEvent(UUID tenantId, String purpose, List<ApprovalStep> steps, int minApprovers,
                                         int maxApprovers, Instant effectiveFrom) implements ApprovalEvent {

    /** A copy, so the event cannot change after it is recorded; absent (null) reads as empty. */
    public ApprovalPolicyDefinedEvent {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
