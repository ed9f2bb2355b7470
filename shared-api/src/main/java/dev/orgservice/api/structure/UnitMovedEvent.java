package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The unit (with its subtree) moves under another parent from {@code effectiveFrom} on. */
@Revision("1")
public record UnitMovedEvent(UUID tenantId, UUID unitId, UUID fromParentId, UUID toParentId, Instant effectiveFrom) implements OrganizationTreeEvent {
}
