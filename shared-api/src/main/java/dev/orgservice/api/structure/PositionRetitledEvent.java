package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The position has a new title, from now on and in every answer as of an earlier date too (titles are not dated). */
@Revision("1")
public record PositionRetitledEvent(UUID tenantId, UUID positionId, String title) implements OrganizationTreeEvent {
}
