package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A unit was added to the structure; it exists from {@code effectiveFrom} on. */
@Revision("1")
public record UnitCreatedEvent(UUID tenantId, UUID unitId, UnitType type, String code, String name,
                               @MayBeAbsent UUID parentId, Instant effectiveFrom, UnitDetails details)
        implements OrganizationTreeEvent {
}
