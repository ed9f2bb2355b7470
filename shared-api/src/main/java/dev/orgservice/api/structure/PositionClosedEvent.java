package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The position is abolished from {@code effectiveFrom} on: from then it has no holder, no line leads to it, it is
 * nobody's manager and nobody's report (it is still answered, as closed, for that date and later).
 */
@Revision("1")
public record PositionClosedEvent(UUID tenantId, UUID positionId, Instant effectiveFrom) implements OrganizationTreeEvent {
}
