package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;

import java.time.Instant;
import java.util.UUID;

/**
 * One position of a bulk import; {@code personId} (optional) holds it from {@code holderFrom}, open-ended
 * ({@code holderFrom} is there exactly when {@code personId} is).
 */
public record ImportedPosition(UUID positionId, UUID unitId, String title, boolean manager,
                               @MayBeAbsent UUID reportsToPositionId, @MayBeAbsent String personId,
                               @MayBeAbsent Instant holderFrom) {
}
