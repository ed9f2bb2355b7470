package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The unit (with its subtree) moves under another parent from {@code effectiveFrom} on. */
@Revision("1")
public record UnitMovedEvent(UUID tenantId, UUID unitId, @MayBeAbsent UUID fromParentId, @MayBeAbsent UUID toParentId,
                             Instant effectiveFrom) implements OrganizationTreeEvent {
}
