package dev.orgservice.api.view;

import java.util.UUID;

/** Answer to an accepted bulk import of approval authorities: how many rows, and the position to read at. */
public record AuthorityImportResult(UUID importId, int count, long position) {
}
