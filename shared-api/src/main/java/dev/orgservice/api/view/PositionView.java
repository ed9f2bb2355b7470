package dev.orgservice.api.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A position as of {@code asOf}: where it sits, its lines, and who holds it ({@code personId} null when vacant).
 * {@code closedFrom}: when it is or will be closed (null: open), whatever {@code asOf}. {@code createdAt}: when it
 * was recorded, whatever {@code asOf}: positions are answered at every {@code asOf}, also before it, so a report of
 * the past tells them apart by it. {@code revision} is the position's own record version (its last create or import,
 * title, lines, move, manager role, holder or close, whatever its effective date; not its approval authorities), to
 * send in {@code If-Match}; null for a position the read model projected before it kept revisions, until the position
 * changes or the projection is rebuilt.
 */
public record PositionView(UUID positionId, UUID unitId, String title, boolean manager, UUID reportsToPositionId,
                           List<UUID> dottedLineToPositionIds, String personId, boolean vacant, Instant closedFrom,
                           Instant createdAt, Instant asOf, Long revision) {
}
