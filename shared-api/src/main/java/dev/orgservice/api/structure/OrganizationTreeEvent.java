package dev.orgservice.api.structure;

import java.util.UUID;

/**
 * Everything that can happen to a tenant's company structure. Published on Kafka topic
 * {@code org.structure.events.v1}. {@code effectiveFrom} is when a change takes effect in the organization;
 * the event's own timestamp is when it was recorded.
 */
public sealed interface OrganizationTreeEvent permits
        UnitCreatedEvent, UnitsImportedEvent, UnitDetailsUpdatedEvent, UnitMovedEvent, UnitClosedEvent,
        UnitReopenedEvent, PositionCreatedEvent, PositionsImportedEvent, PositionHolderAssignedEvent,
        PositionVacatedEvent, PositionRetitledEvent, PositionReportingLinesChangedEvent, PositionClosedEvent,
        PositionMovedEvent, PositionManagerRoleChangedEvent {

    UUID tenantId();
}
