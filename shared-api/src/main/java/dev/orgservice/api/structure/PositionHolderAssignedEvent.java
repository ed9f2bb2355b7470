package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code personId} (an HR person id) holds the position from {@code from} until {@code to} (null: open),
 * replacing whatever holding overlapped that range.
 */
@Revision("1")
public record PositionHolderAssignedEvent(UUID tenantId, UUID positionId, String personId, Instant from,
                                          @MayBeAbsent Instant to)
        implements OrganizationTreeEvent {
}
