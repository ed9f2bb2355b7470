package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The position sits in {@code toUnitId} from {@code effectiveFrom} on, until its next move recorded for a later date
 * (if any); {@code fromUnitId} is the unit it sat in at {@code effectiveFrom}. Its lines, holders and title go with it.
 */
@Revision("1")
public record PositionMovedEvent(UUID tenantId, UUID positionId, UUID fromUnitId, UUID toUnitId, Instant effectiveFrom)
        implements OrganizationTreeEvent {
}
