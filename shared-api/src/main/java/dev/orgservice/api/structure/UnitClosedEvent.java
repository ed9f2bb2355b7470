package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The unit is closed from {@code effectiveFrom} on: it takes no new children. */
@Revision("1")
public record UnitClosedEvent(UUID tenantId, UUID unitId, Instant effectiveFrom) implements OrganizationTreeEvent {
}
