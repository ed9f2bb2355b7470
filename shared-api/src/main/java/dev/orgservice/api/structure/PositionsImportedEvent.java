package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/** One batch (at most 1,000 positions) of an atomic bulk import of positions and their holders. */
@Revision("1")
public record PositionsImportedEvent(UUID tenantId, UUID importId, int batch, int batches,
                                     List<ImportedPosition> positions) implements OrganizationTreeEvent {

    /** A copy, so the event cannot change after it is recorded; absent (null) reads as empty. */
    public PositionsImportedEvent {
        positions = positions == null ? List.of() : List.copyOf(positions);
    }
}
