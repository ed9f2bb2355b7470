package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A closed unit is active again from {@code effectiveFrom} on. */
@Revision("1")
public record UnitReopenedEvent(UUID tenantId, UUID unitId, Instant effectiveFrom) implements OrganizationTreeEvent {
}
