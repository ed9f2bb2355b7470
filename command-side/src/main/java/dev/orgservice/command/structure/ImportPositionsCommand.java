package dev.orgservice.command.structure;

import dev.orgservice.api.structure.ImportedPosition;

import java.util.ArrayList;
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
        List<Long> revisions = new ArrayList<>(positions.size());
        List<List<ImportedPosition>> batches = ImportBatches.split(positions);
        for (int batch = 0; batch < batches.size(); batch++) {
            for (int row = 0; row < batches.get(batch).size(); row++) {
                revisions.add(firstBatch + batch);
            }
        }
        return revisions;
    }
}
