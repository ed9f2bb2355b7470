package dev.orgservice.api.approval;

import dev.orgservice.api.MayBeAbsent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * While {@code [validFrom, validTo)}, {@code delegateId} approves in place of {@code delegatorId} (HR person ids)
 * for {@code purposes}; only for requests from within {@code unitScope} when set, and up to {@code maxAmount}
 * when set.
 */
@Revision("1")
public record DelegationGrantedEvent(UUID tenantId, UUID delegationId, String delegatorId, String delegateId,
                                     List<String> purposes, @MayBeAbsent UUID unitScope, @MayBeAbsent Money maxAmount,
                                     Instant validFrom, Instant validTo) implements ApprovalEvent {

    /** A copy, so the event cannot change after it is recorded; absent (null) reads as empty. */
    public DelegationGrantedEvent {
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }
}
