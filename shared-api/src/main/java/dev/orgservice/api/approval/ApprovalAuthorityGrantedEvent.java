package dev.orgservice.api.approval;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The position may approve requests for {@code purpose} up to {@code limit} (in its currency) from {@code effectiveFrom} on. */
@Revision("1")
public record ApprovalAuthorityGrantedEvent(UUID tenantId, UUID positionId, String purpose, Money limit,
                                            Instant effectiveFrom) implements ApprovalEvent {
}
