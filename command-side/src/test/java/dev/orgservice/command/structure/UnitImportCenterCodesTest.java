package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.structure.UnitsImportedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static dev.orgservice.api.structure.UnitType.COST_CENTER;
import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.api.structure.UnitType.PROFIT_CENTER;
import static dev.orgservice.command.structure.ImportRefusals.importRefused;
import static dev.orgservice.command.structure.ImportRefusals.rowError;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.T1;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;
import static dev.orgservice.command.structure.StructureTestData.imported;
import static dev.orgservice.command.structure.StructureTestData.name;
import static dev.orgservice.command.structure.StructureTestData.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's departments may name their cost and profit centers by code, the centers' ids being the server's: a
 * center created by an earlier row of the same import, or one the tenant has. The events record the ids.
 */
class UnitImportCenterCodesTest {

    private final FixtureConfiguration<OrganizationTree> fixture =
            StructureTestData.fixture(new StructureTestData.SwitchableTenantGuard());

    @Test
    void recordsTheCentersNamedByCodeWithTheirIds() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(PROFIT_CENTER, "PC-OLD", "LE", T0))
                .when(importing(row(COST_CENTER, "CC-NEW", "LE"), department("D1", "CC-NEW", "PC-OLD")))
                .expectEvents(new UnitsImportedEvent(TENANT, id("IMPORT"), 1, 1, T1, List.of(
                        imported(COST_CENTER, "CC-NEW", "LE"),
                        imported(DEPARTMENT, "D1", "LE", centers("CC-NEW", "PC-OLD")))));
    }

    @Test
    void refusesACodeThatNamesNoUnitOrAnInvalidRowOrAUnitOfAnotherType() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "OPS", "LE", T0))
                .when(importing(row(COST_CENTER, "CC-1", "NOPE"), department("D1", "CC-1", null),
                        department("D2", "CC-9", null), department("D3", null, "OPS"),
                        department("D4", "OPS", null)))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.NOT_FOUND), rowError(1, ErrorCode.CONFLICT),
                        rowError(2, ErrorCode.NOT_FOUND), rowError(3, ErrorCode.RULE_VIOLATION),
                        rowError(4, ErrorCode.RULE_VIOLATION)));
    }

    @Test
    void cutsItsEventsWithRoomForTheCentersIds() {
        // 1,000 departments with long names, their parent and both centers named by code: each row gains three ids
        // and loses three codes (38 bytes net with these two-character codes, 41 with one-character ones: room for
        // one id would fall short by a few bytes a row, so the import makes room for three)
        String name = "€".repeat(200);
        List<ImportUnitsCommand.Row> rows = IntStream.range(0, 1000).mapToObj(i -> new ImportUnitsCommand.Row(
                id("D" + i), DEPARTMENT, "D" + i, name, null, "LE", null, "CC", "PC")).toList();
        ImportUnitsCommand command = new ImportUnitsCommand(TENANT, id("IMPORT"), T1, rows);
        List<ImportedUnit> resolved = rows.stream().map(row -> new ImportedUnit(row.unitId(), DEPARTMENT, row.code(),
                name, id("LE"), centers("CC", "PC"))).toList();
        List<List<ImportedUnit>> batches = ImportBatches.cut(resolved, command.batchSizes());
        assertThat(batches.stream().map(ImportBatches::bytes).toList()).as("each event's rows, in bytes")
                .allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(ImportBatches.MAX_ROW_BYTES))
                .hasSizeGreaterThan(1);

        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(COST_CENTER, "CC", "LE", T0),
                        created(PROFIT_CENTER, "PC", "LE", T0))
                .when(command)
                .expectEvents(IntStream.range(0, batches.size()).mapToObj(batch -> new UnitsImportedEvent(TENANT,
                        command.importId(), batch + 1, batches.size(), T1, batches.get(batch))).toArray());
    }

    private static ImportUnitsCommand importing(ImportUnitsCommand.Row... rows) {
        return new ImportUnitsCommand(TENANT, id("IMPORT"), T1, List.of(rows));
    }

    private static ImportUnitsCommand.Row department(String code, String costCenterCode, String profitCenterCode) {
        return new ImportUnitsCommand.Row(id(code), UnitType.DEPARTMENT, code, name(code), null, "LE", null,
                costCenterCode, profitCenterCode);
    }

    private static UnitDetails centers(String costCenter, String profitCenter) {
        return new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null, id(costCenter),
                id(profitCenter));
    }
}
