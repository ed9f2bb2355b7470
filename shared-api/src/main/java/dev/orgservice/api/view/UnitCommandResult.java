package dev.orgservice.api.view;

import java.util.UUID;

/** Answer to an accepted unit command: the unit touched and the event-store position to read at. */
public record UnitCommandResult(UUID unitId, long position) {
}
