package dev.orgservice.api.view;

import java.util.List;
import java.util.UUID;

/**
 * Answer to an accepted unit import: every created unit by code with its id and revision, and the position to read
 * at. A revision is null only when an import made before unit imports answered revisions is answered again for its
 * {@code Idempotency-Key}.
 */
public record ImportResult(UUID importId, int count, List<ImportedUnitView> units, long position) {

    public record ImportedUnitView(String code, UUID unitId, Long revision) {
    }
}
