package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionsImportedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.structure.ImportRefusals.importRefused;
import static dev.orgservice.command.structure.ImportRefusals.rowError;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.T1;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.closed;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A position import's rows may name their unit by code, as an HR file knows it: the tree records them with the unit's
 * id, refuses a code no active unit has by row, and cuts its events so that no resolved row outgrows its event.
 */
class PositionImportUnitCodesTest {

    private final FixtureConfiguration<OrganizationTree> fixture =
            StructureTestData.fixture(new StructureTestData.SwitchableTenantGuard());

    @Test
    void recordsTheRowsThatNameTheirUnitByCodeWithTheUnitsId() {
        UUID importId = id("IMPORT");
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0),
                        created(DEPARTMENT, "D2", "LE", T0))
                .when(new ImportPositionsCommand(TENANT, importId, List.of(row("A", null), row("B", id("D1"))),
                        Arrays.asList("D2", null)))
                .expectEvents(new PositionsImportedEvent(TENANT, importId, 1, 1,
                        List.of(row("A", id("D2")), row("B", id("D1")))));
    }

    @Test
    void refusesACodeThatNamesNoActiveUnitNamingTheRow() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0),
                        created(DEPARTMENT, "D2", "LE", T0), closed("D2", T1))
                .when(new ImportPositionsCommand(TENANT, id("IMPORT"), List.of(row("A", null), row("B", null),
                        row("C", null)), List.of("D1", "NOPE", "D2")))
                .expectNoEvents()
                .expectException(importRefused(rowError(1, ErrorCode.NOT_FOUND), rowError(2, ErrorCode.NOT_FOUND)));
    }

    @Test
    void cutsItsEventsWithRoomForTheIdsOfTheUnitsNamedByCode() {
        // 1,000 positions with long titles of three-byte characters: about 800 bytes a row, so the rows fill more than
        // one event; each row gains its unit's id when the tree resolves the code
        String title = "€".repeat(200);
        List<ImportedPosition> rows = IntStream.range(0, 1000).mapToObj(i -> new ImportedPosition(id("P" + i), null,
                title, false, null, null, null)).toList();
        ImportPositionsCommand command = new ImportPositionsCommand(TENANT, UUID.randomUUID(), rows,
                rows.stream().map(row -> "D1").toList());
        List<ImportedPosition> resolved = rows.stream().map(row -> new ImportedPosition(row.positionId(), id("D1"),
                title, false, null, null, null)).toList();
        List<List<ImportedPosition>> batches = ImportBatches.cut(resolved, command.batchSizes());
        assertThat(batches.stream().map(ImportBatches::bytes).toList()).as("each event's rows, in bytes")
                .allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(ImportBatches.MAX_ROW_BYTES))
                .as("as sent the rows fit one event (756,001 bytes), resolved they do not (790,001)")
                .hasSizeGreaterThan(1);

        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0))
                .when(command)
                .expectEvents(IntStream.range(0, batches.size()).mapToObj(batch -> new PositionsImportedEvent(TENANT,
                        command.importId(), batch + 1, batches.size(), batches.get(batch))).toArray())
                .expectResultMessagePayload(2L);
        assertThat(command.revisions(2).get(999)).isEqualTo(1L + batches.size());
    }

    private static ImportedPosition row(String code, UUID unitId) {
        return new ImportedPosition(id(code), unitId, code, false, null, null, null);
    }
}
