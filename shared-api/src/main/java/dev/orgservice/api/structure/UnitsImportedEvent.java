package dev.orgservice.api.structure;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One batch (at most 1,000 units) of an atomic bulk import; all batches of an import commit together. */
@Revision("1")
public record UnitsImportedEvent(UUID tenantId, UUID importId, int batch, int batches, Instant effectiveFrom, List<ImportedUnit> units) implements OrganizationTreeEvent {

    /** A copy, so the event cannot change after it is recorded; absent (null) reads as empty. */
    public UnitsImportedEvent {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
