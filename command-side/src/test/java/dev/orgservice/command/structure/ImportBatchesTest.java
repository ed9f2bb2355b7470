package dev.orgservice.command.structure;

import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ImportBatchesTest {

    @Test
    void cutsSmallRowsIntoThousands() {
        List<ImportedUnit> rows = rows(2500, "Finance");
        assertThat(ImportBatches.split(rows)).extracting(List::size).containsExactly(1000, 1000, 500);
    }

    @Test
    void cutsLargeRowsSoThatNoEventOutgrowsAKafkaRecord() {
        // legal entities with 200-character names and legal names of two-byte characters: about 1 KB a row
        List<ImportedUnit> rows = rows(1000, "é".repeat(200));
        assertThat(ImportBatches.bytes(rows)).as("the rows as one event").isGreaterThan(1024 * 1024);

        List<List<ImportedUnit>> batches = ImportBatches.split(rows);
        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches).allSatisfy(batch ->
                assertThat(ImportBatches.bytes(batch)).isLessThanOrEqualTo(ImportBatches.MAX_ROW_BYTES));
        assertThat(batches.stream().flatMap(List::stream).toList()).as("every row, in order").isEqualTo(rows);
    }

    private static List<ImportedUnit> rows(int count, String name) {
        return IntStream.range(0, count).mapToObj(i -> new ImportedUnit(UUID.randomUUID(), UnitType.LEGAL_ENTITY,
                "LE-" + i, name, null, new UnitDetails(name, null, null, "DE", "EUR", null, null, null, null, null,
                        null, null, null, null))).toList();
    }
}
