package dev.orgservice.api.structure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a position was created, as every reader of the events must take it: which of a unit's manager positions,
 * there equally long, manages the unit is the one created first. The event's timestamp counts as the event store
 * keeps it, to the millisecond; a position import's later batch, a microsecond more per batch before it, so that it
 * is created later even when the batches of one command are recorded in one millisecond. (An import has at most 20
 * batches, and no two imports fit in one millisecond.)
 */
public final class PositionCreation {

    private PositionCreation() {
    }

    /** A position of a {@link PositionCreatedEvent} recorded at {@code recordedAt}. */
    public static Instant of(Instant recordedAt) {
        return recordedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A position of batch {@code batch} (from 1) of a {@link PositionsImportedEvent} recorded at {@code recordedAt}. */
    public static Instant ofImported(Instant recordedAt, int batch) {
        return of(recordedAt).plus(batch - 1L, ChronoUnit.MICROS);
    }
}
