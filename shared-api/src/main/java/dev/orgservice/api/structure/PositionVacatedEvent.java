package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The position has no holder from {@code from} on (holdings after that are ended too). */
@Revision("1")
public record PositionVacatedEvent(UUID tenantId, UUID positionId, Instant from) implements OrganizationTreeEvent {
}
