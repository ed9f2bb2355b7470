package dev.orgservice.api.approval;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The delegation ends at {@code revokedAt} (it stays in effect for anything asked about before that instant). */
@Revision("1")
public record DelegationRevokedEvent(UUID tenantId, UUID delegationId, Instant revokedAt) implements ApprovalEvent {
}
