package dev.orgservice.command.structure;

import dev.orgservice.api.structure.ImportedPosition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review (review-imports): <b>an {@code Idempotency-Key} replay of a position import may answer other per-row
 * revisions than the first answer.</b>
 * <p>
 * docs/api.md, idempotent creates: the same request with the same key "is answered as the first time: ... the same
 * ids ..., a unit's or position's first {@code revision} and {@code ETag} (an import's rows' revisions)". The
 * position import answers each row's revision from the first batch's revision (the one the key remembers) and
 * {@link ImportPositionsCommand#batchSizes()}, which measures the rows <em>as the controller built them for this
 * request</em>. A row with a {@code personId} and no {@code holderFrom} gets {@code holderFrom = now} (the request's
 * time, to the microsecond), and {@code Instant} is written with 6, 3 or 0 fraction digits depending on that time.
 * When an import's rows are cut by bytes (1,000 rows over 768 KiB: long titles in a non-Latin script, as an HR file
 * of a Chinese or Greek subsidiary has), the cut moves with those bytes: the first request at
 * {@code ...:00.123456Z} and its replay at {@code ...:07.250000Z} (written {@code .250Z}) cut the rows differently,
 * so the replay tells rows near the cut the revision of the other batch (the {@code ETag} a client then sends in
 * {@code If-Match} is refused with 412, or points at a change of another position). Roughly one replay in a thousand
 * (a request time on a whole millisecond) answers differently; this test builds the two requests' rows as the
 * controller does and compares the revisions answered.
 * <p>
 * Expected: a replay answers exactly the first answer's revisions (e.g. remember the batch sizes, or each row's
 * revision, with the key; or cut on rows measured without request-time fields, or fixed-width instants).
 */
class PositionImportReplayReviewTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID IMPORT = UUID.randomUUID();
    private static final UUID UNIT = UUID.randomUUID();

    @Test
    void aReplayAnswersTheRevisionsOfTheFirstAnswer() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(UUID.randomUUID());
        }
        // the same rows (ids come back from the key), each with a personId and no holderFrom
        Instant firstRequest = Instant.parse("2026-11-29T02:00:00.123456Z");
        Instant replay = Instant.parse("2026-11-29T02:00:07.250000Z");
        List<Long> first = new ImportPositionsCommand(TENANT, IMPORT, rows(ids, firstRequest)).revisions(7);
        List<Long> again = new ImportPositionsCommand(TENANT, IMPORT, rows(ids, replay)).revisions(7);

        List<Integer> differing = new ArrayList<>();
        for (int row = 0; row < first.size(); row++) {
            if (!first.get(row).equals(again.get(row))) {
                differing.add(row);
            }
        }
        assertThat(differing).as("rows whose revision the replay answers differently from the first answer "
                + "(first request's batch sizes %s, replay's %s)", new ImportPositionsCommand(TENANT, IMPORT,
                rows(ids, firstRequest)).batchSizes(), new ImportPositionsCommand(TENANT, IMPORT,
                rows(ids, replay)).batchSizes()).isEmpty();
    }

    /** The rows as PositionCommandController builds them: holderFrom = the request's now where none is given. */
    private static List<ImportedPosition> rows(List<UUID> ids, Instant now) {
        String title = "\u8d22\u52a1\u603b\u76d1".repeat(50); // 200 characters, 600 bytes as UTF-8
        List<ImportedPosition> rows = new ArrayList<>();
        for (UUID id : ids) {
            rows.add(new ImportedPosition(id, UNIT, title, false, null, "hr:" + id, now));
        }
        return rows;
    }
}
