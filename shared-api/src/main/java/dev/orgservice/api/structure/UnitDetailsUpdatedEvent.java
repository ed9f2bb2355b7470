package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The unit's name or details changed (immediately). Carries only what changed: a null field is unchanged. */
@Revision("1")
public record UnitDetailsUpdatedEvent(UUID tenantId, UUID unitId, String name, UnitDetails details) implements OrganizationTreeEvent {
}
