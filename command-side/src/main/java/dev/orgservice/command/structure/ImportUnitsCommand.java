package dev.orgservice.command.structure;

import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Many units at once, all or nothing. A row names its parent, and a department its cost and profit center, by id or by
 * code (existing or earlier in the import).
 */
public record ImportUnitsCommand(UUID tenantId, UUID importId, Instant effectiveFrom, List<Row> rows)
        implements TreeCommand {

    /**
     * What a row may gain when the tree resolves one of its codes: an id in quotes where the row has {@code null} (it
     * loses the code then, so this is an upper bound). Every row has room for its parent's id; for its centers' only
     * in an import that names centers by code, so that other imports are cut as they always were.
     */
    private static final int RESOLVED_ID_BYTES = 38;

    /**
     * A unit to create. Its parent may be named by {@code parentCode}, a department's cost and profit centers by
     * {@code costCenterCode} and {@code profitCenterCode} (in the details: {@code null}), each an existing unit's code
     * or an earlier row's.
     */
    public record Row(UUID unitId, UnitType type, String code, String name, UUID parentId, String parentCode,
                      UnitDetails details, String costCenterCode, String profitCenterCode) {

        /** No details are stored as the empty details, so that a row measures what its unit will. */
        public Row {
            details = details == null ? UnitDetails.NONE : details;
        }

        /** A row whose details name their centers by id, if any. */
        public Row(UUID unitId, UnitType type, String code, String name, UUID parentId, String parentCode,
                   UnitDetails details) {
            this(unitId, type, code, name, parentId, parentCode, details, null, null);
        }
    }

    /**
     * How many rows each of the import's events takes ({@link ImportBatches}), measured on the rows as sent, with
     * room for the ids the tree resolves: so the answer can tell each row's revision without the resolved rows.
     */
    List<Integer> batchSizes() {
        boolean centersByCode = rows.stream().anyMatch(row -> row.costCenterCode() != null
                || row.profitCenterCode() != null);
        return ImportBatches.sizes(rows, RESOLVED_ID_BYTES * (centersByCode ? 3 : 1));
    }

    /**
     * Each row's revision, in row order, from the revision the import answered (its first batch's): the batches are
     * consecutive events of the tree. As for {@link ImportPositionsCommand#revisions}.
     */
    public List<Long> revisions(long firstBatch) {
        return ImportBatches.batchOfEachRow(batchSizes()).stream().map(batch -> firstBatch + batch).toList();
    }
}
