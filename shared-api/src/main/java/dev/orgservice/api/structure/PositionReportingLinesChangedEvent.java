package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The position reports along new lines from {@code effectiveFrom} on, until the next change of its lines recorded
 * for a later date (if any): {@code reportsToPositionId} is the explicit solid line (null: the unit's manager, then
 * its ancestors' managers), {@code dottedLineToPositionIds} the matrix lines. Both replace what was in effect.
 */
@Revision("1")
public record PositionReportingLinesChangedEvent(UUID tenantId, UUID positionId, @MayBeAbsent UUID reportsToPositionId,
                                                 List<UUID> dottedLineToPositionIds, Instant effectiveFrom)
        implements OrganizationTreeEvent {

    /** A copy, so the event cannot change after it is recorded; absent (null) reads as empty. */
    public PositionReportingLinesChangedEvent {
        dottedLineToPositionIds = dottedLineToPositionIds == null ? List.of() : List.copyOf(dottedLineToPositionIds);
    }
}
