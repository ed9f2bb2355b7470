package dev.orgservice.api.view;

import java.util.UUID;

/** Answer to an accepted position command: the position touched and the event-store position to read at. */
public record PositionCommandResult(UUID positionId, long position) {
}
