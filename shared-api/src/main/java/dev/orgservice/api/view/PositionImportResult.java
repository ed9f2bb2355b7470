package dev.orgservice.api.view;

import java.util.List;
import java.util.UUID;

/**
 * Answer to an accepted position import: the id and revision the server gave each row's ref, and the position to
 * read at. A revision is null only when an import made before positions had revisions is answered again for its
 * {@code Idempotency-Key}.
 */
public record PositionImportResult(UUID importId, int count, List<ImportedPositionView> positions, long position) {

    public record ImportedPositionView(String ref, UUID positionId, Long revision) {
    }
}
