package dev.orgservice.command.structure;

import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Many units at once, all or nothing. A row names its parent by id or by code (existing or earlier in the import). */
public record ImportUnitsCommand(UUID tenantId, UUID importId, Instant effectiveFrom, List<Row> rows)
        implements TreeCommand {

    /**
     * What a row may gain when the tree resolves it: its parent's id in quotes where the row has {@code null} (it
     * loses its {@code parentCode} then, so this is an upper bound).
     */
    private static final int RESOLVED_PARENT_BYTES = 38;

    public record Row(UUID unitId, UnitType type, String code, String name, UUID parentId, String parentCode,
                      UnitDetails details) {

        /** No details are stored as the empty details, so that a row measures what its unit will. */
        public Row {
            details = details == null ? UnitDetails.NONE : details;
        }
    }

    /**
     * How many rows each of the import's events takes ({@link ImportBatches}), measured on the rows as sent, with
     * room for their parents' ids: so the answer can tell each row's revision without the resolved rows.
     */
    List<Integer> batchSizes() {
        return ImportBatches.sizes(rows, RESOLVED_PARENT_BYTES);
    }

    /**
     * Each row's revision, in row order, from the revision the import answered (its first batch's): the batches are
     * consecutive events of the tree. As for {@link ImportPositionsCommand#revisions}.
     */
    public List<Long> revisions(long firstBatch) {
        return ImportBatches.batchOfEachRow(batchSizes()).stream().map(batch -> firstBatch + batch).toList();
    }
}
