package dev.orgservice.api.structure;

import java.time.Instant;
import java.util.UUID;

/** One position of a bulk import; {@code personId} (optional) holds it from {@code holderFrom}, open-ended. */
public record ImportedPosition(UUID positionId, UUID unitId, String title, boolean manager, UUID reportsToPositionId,
                               String personId, Instant holderFrom) {
}
