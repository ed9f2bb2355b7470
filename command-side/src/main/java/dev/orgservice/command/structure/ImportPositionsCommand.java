package dev.orgservice.command.structure;

import dev.orgservice.api.structure.ImportedPosition;

import java.util.List;
import java.util.UUID;

/** Many positions (and optionally their holders) at once, all or nothing. */
public record ImportPositionsCommand(UUID tenantId, UUID importId, List<ImportedPosition> positions)
        implements TreeCommand {

    /**
     * Each row's revision, in row order, from the revision the import answered (its first batch's): the batches are
     * consecutive events of the tree, cut as the tree cuts them. The import answers one number because that is what
     * an {@code Idempotency-Key} remembers for a replay.
     */
    public List<Long> revisions(long firstBatch) {
        return ImportBatches.batchOfEachRow(ImportBatches.sizes(positions, 0)).stream()
                .map(batch -> firstBatch + batch).toList();
    }
}
