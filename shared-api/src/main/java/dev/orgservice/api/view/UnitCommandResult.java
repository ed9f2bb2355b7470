package dev.orgservice.api.view;

import java.util.UUID;

/**
 * Answer to an accepted unit command: the unit touched, the event-store position to read at, and the unit's
 * revision after the command (the value to send back in {@code If-Match} for the next change of the unit).
 */
public record UnitCommandResult(UUID unitId, long position, long revision) {
}
