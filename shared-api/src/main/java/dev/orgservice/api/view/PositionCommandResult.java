package dev.orgservice.api.view;

import java.util.UUID;

/**
 * Answer to an accepted position command: the position touched, the event-store position to read at, and the
 * position's revision after the command (the value to send back in {@code If-Match} for its next change). The
 * revision is null for an approval authority's change (not the position's own data, so it leaves the revision alone)
 * and when a create made before positions had revisions is answered again for its {@code Idempotency-Key}.
 */
public record PositionCommandResult(UUID positionId, long position, Long revision) {
}
