package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * From {@code effectiveFrom} on, until its next change of role recorded for a later date (if any), the position is a
 * manager position ({@code manager} true: it can be its unit's manager) or not. Its unit, lines, holders and title stay.
 */
@Revision("1")
public record PositionManagerRoleChangedEvent(UUID tenantId, UUID positionId, boolean manager, Instant effectiveFrom)
        implements OrganizationTreeEvent {
}
