package dev.orgservice.api.approval;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** From {@code effectiveFrom} on, the position has no authority for {@code purpose} in {@code currency}. */
@Revision("1")
public record ApprovalAuthorityRevokedEvent(UUID tenantId, UUID positionId, String purpose, String currency,
                                            Instant effectiveFrom) implements ApprovalEvent {
}
