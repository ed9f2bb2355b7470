package dev.orgservice.command.structure;

import dev.orgservice.api.structure.ImportedPosition;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Many positions (and optionally their holders) at once, all or nothing. A row names its unit by id, or by code: then
 * its {@code unitId} is {@code null} and {@code unitCodes} holds the code at the row's index ({@code unitCodes} is
 * empty when every row has its id), which the tree resolves.
 */
public record ImportPositionsCommand(UUID tenantId, UUID importId, List<ImportedPosition> positions,
                                     List<String> unitCodes) implements TreeCommand {

    /** What a row may gain when the tree resolves its unit's code: the id in quotes where the row has {@code null}. */
    private static final int RESOLVED_UNIT_BYTES = 38;

    /** Every row with its unit's id. */
    public ImportPositionsCommand(UUID tenantId, UUID importId, List<ImportedPosition> positions) {
        this(tenantId, importId, positions, List.of());
    }

    /** The row's unit code, or {@code null} where the row names its unit by id. */
    String unitCodeOf(int row) {
        return unitCodes.isEmpty() ? null : unitCodes.get(row);
    }

    /** The rows with each unit code replaced by the unit's id ({@code null}, as sent, for a code no unit has). */
    List<ImportedPosition> resolved(Function<String, UUID> unitsByCode) {
        if (unitCodes.isEmpty()) {
            return positions;
        }
        return IntStream.range(0, positions.size()).mapToObj(row -> {
            ImportedPosition position = positions.get(row);
            String code = unitCodeOf(row);
            return code == null ? position : new ImportedPosition(position.positionId(), unitsByCode.apply(code),
                    position.title(), position.manager(), position.reportsToPositionId(), position.personId(),
                    position.holderFrom());
        }).toList();
    }

    /**
     * How many rows each of the import's events takes ({@link ImportBatches}), measured on the rows as sent, with
     * room for the ids of the units named by code: so the answer can tell each row's revision without the tree.
     */
    List<Integer> batchSizes() {
        return ImportBatches.sizes(positions, unitCodes.isEmpty() ? 0 : RESOLVED_UNIT_BYTES);
    }

    /**
     * Each row's revision, in row order, from the revision the import answered (its first batch's): the batches are
     * consecutive events of the tree, cut as the tree cuts them. The import answers one number because that is what
     * an {@code Idempotency-Key} remembers for a replay.
     */
    public List<Long> revisions(long firstBatch) {
        return ImportBatches.batchOfEachRow(batchSizes()).stream().map(batch -> firstBatch + batch).toList();
    }
}
