package dev.orgservice.api.view;

import java.util.List;
import java.util.UUID;

/** Answer to an accepted bulk import: every created unit by code, and the position to read at. */
public record ImportResult(UUID importId, int count, List<ImportedUnitView> units, long position) {

    public record ImportedUnitView(String code, UUID unitId) {
    }
}
