package dev.orgservice.api.view;

import java.util.List;
import java.util.UUID;

/** Answer to an accepted position import: the id the server gave each row's ref, and the position to read at. */
public record PositionImportResult(UUID importId, int count, List<ImportedPositionView> positions, long position) {

    public record ImportedPositionView(String ref, UUID positionId) {
    }
}
