package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;
import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * A position was created in a unit. {@code reportsToPositionId} is an explicit solid line (null: the unit's
 * manager, then its ancestors' managers); {@code dottedLineToPositionIds} are matrix lines.
 */
@Revision("1")
public record PositionCreatedEvent(UUID tenantId, UUID positionId, UUID unitId, String title, boolean manager,
                                   @MayBeAbsent UUID reportsToPositionId, List<UUID> dottedLineToPositionIds)
        implements OrganizationTreeEvent {

    /** A copy, so the event cannot change after it is recorded; absent (null) reads as empty. */
    public PositionCreatedEvent {
        dottedLineToPositionIds = dottedLineToPositionIds == null ? List.of() : List.copyOf(dottedLineToPositionIds);
    }
}
