package dev.orgservice.api.approval;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One batch (at most 1,000 rows) of an atomic bulk import of approval authorities, all from {@code effectiveFrom};
 * each row means what an {@link ApprovalAuthorityGrantedEvent} means.
 */
@Revision("1")
public record ApprovalAuthoritiesImportedEvent(UUID tenantId, UUID importId, int batch, int batches,
                                               Instant effectiveFrom, List<ImportedAuthority> authorities)
        implements ApprovalEvent {

    /** A copy, so the event cannot change after it is recorded; absent (null) reads as empty. */
    public ApprovalAuthoritiesImportedEvent {
        authorities = authorities == null ? List.of() : List.copyOf(authorities);
    }
}
