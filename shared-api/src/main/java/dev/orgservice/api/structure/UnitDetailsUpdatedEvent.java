package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * The unit's name or details changed (immediately). Carries only what changed: {@code name} is null when it stayed;
 * {@code details} (always there, empty when only the name changed) holds only the changed details, each to be merged
 * into the unit's details on its own ({@code address} and {@code geo} are replaced whole), so a consumer merges, never
 * replaces; a detail cannot be cleared.
 */
@Revision("1")
public record UnitDetailsUpdatedEvent(UUID tenantId, UUID unitId, @MayBeAbsent String name, UnitDetails details)
        implements OrganizationTreeEvent {
}
