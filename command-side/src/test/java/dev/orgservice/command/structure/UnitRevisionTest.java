package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitsImportedEvent;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.orgservice.api.structure.UnitType.BRANCH;
import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.OrgErrors.orgError;
import static dev.orgservice.command.structure.StructureTestData.SwitchableTenantGuard;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.T1;
import static dev.orgservice.command.structure.StructureTestData.T2;
import static dev.orgservice.command.structure.StructureTestData.T5;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.closed;
import static dev.orgservice.command.structure.StructureTestData.create;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;
import static dev.orgservice.command.structure.StructureTestData.imported;
import static dev.orgservice.command.structure.StructureTestData.moved;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional changes of a unit (the API's {@code If-Match}): a unit's revision is the tree's sequence number of the
 * last event that changed that unit, every unit command answers it, and a change that expects another revision is
 * refused with {@code precondition-failed} before any other rule, recording nothing. So two editors who read the
 * same unit cannot both change it: the second learns the unit moved on instead of overwriting what it never saw.
 */
class UnitRevisionTest {

    /** LE (sequence 0), B1 under LE (1), D1 under B1 (2), D2 under B1 (3). */
    private static final Object[] TREE = {created(LEGAL_ENTITY, "LE", null, T0), created(BRANCH, "B1", "LE", T0),
            created(DEPARTMENT, "D1", "B1", T0), created(DEPARTMENT, "D2", "B1", T0)};

    private FixtureConfiguration<OrganizationTree> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OrganizationTree.class);
        fixture.registerInjectableResource(new SwitchableTenantGuard());
    }

    @Test
    void aNewUnitsRevisionIsTheSequenceOfTheEventThatCreatedIt() {
        fixture.given(TREE)
                .when(create(DEPARTMENT, "D3", "B1", T1))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4L);
    }

    @Test
    void theFirstUnitOfATreeIsAtRevisionZero() {
        fixture.givenNoPriorActivity()
                .when(create(LEGAL_ENTITY, "LE", null, T0))
                .expectResultMessagePayload(0L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOfD1AtRevision2")
    void aChangeAtTheRevisionTheClientReadIsMadeAndAnswersTheNewRevision(UnitChangeCommand change) {
        fixture.given(TREE)
                .when(change)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(4L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOfD1AtRevision2")
    void aChangeAtAnOlderRevisionIsRefusedAndRecordsNothing(UnitChangeCommand change) {
        fixture.given(List.of(TREE[0], TREE[1], TREE[2], TREE[3],
                        new UnitDetailsUpdatedEvent(TENANT, id("D1"), "Renamed by someone else", UnitDetails.NONE)))
                .when(change)
                .expectNoEvents()
                .expectException(orgError(ErrorCode.PRECONDITION_FAILED));
    }

    @Test
    void aReopenIsConditionalToo() {
        fixture.given(List.of(TREE[0], TREE[1], TREE[2], TREE[3], closed("D1", T1)))
                .when(new ReopenUnitCommand(TENANT, id("D1"), T2, ExpectedRevision.of(4)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(5L);
        fixture.given(List.of(TREE[0], TREE[1], TREE[2], TREE[3], closed("D1", T1)))
                .when(new ReopenUnitCommand(TENANT, id("D1"), T2, ExpectedRevision.of(2)))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.PRECONDITION_FAILED));
    }

    @Test
    void aChangeWithoutAConditionIsMadeWhateverTheRevision() {
        fixture.given(List.of(TREE[0], TREE[1], TREE[2], TREE[3],
                        new UnitDetailsUpdatedEvent(TENANT, id("D1"), "Renamed by someone else", UnitDetails.NONE)))
                .when(new UpdateUnitCommand(TENANT, id("D1"), "Sales", null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(5L);
    }

    @Test
    void anyOfSeveralRevisionsMayMatch() {
        fixture.given(TREE)
                .when(new UpdateUnitCommand(TENANT, id("D1"), "Sales", null, new ExpectedRevision(Set.of(1L, 2L))))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aConditionThatNamesNoRevisionMatchesNothing() {
        fixture.given(TREE)
                .when(new UpdateUnitCommand(TENANT, id("D1"), "Sales", null, new ExpectedRevision(Set.of())))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.PRECONDITION_FAILED));
    }

    @Test
    void aChangeOfAnotherUnitLeavesTheRevisionAlone() {
        fixture.given(List.of(TREE[0], TREE[1], TREE[2], TREE[3],
                        moved("D2", "B1", "LE", T1), closed("D2", T2)))
                .when(new UpdateUnitCommand(TENANT, id("D1"), "Sales", null, ExpectedRevision.of(2)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(6L);
    }

    @Test
    void aFutureDatedMoveChangesTheRevisionWhenItIsRecorded() {
        fixture.given(List.of(TREE[0], TREE[1], TREE[2], TREE[3], moved("D1", "B1", "LE", T5)))
                .when(new UpdateUnitCommand(TENANT, id("D1"), "Sales", null, ExpectedRevision.of(2)))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.PRECONDITION_FAILED));
    }

    @Test
    void theRevisionIsCheckedBeforeTheOtherRules() {
        // stale and a cycle (B1 under its own child D1): the client learns first that it read an old state
        fixture.given(List.of(TREE[0], TREE[1], TREE[2], TREE[3],
                        new UnitDetailsUpdatedEvent(TENANT, id("B1"), "Renamed", UnitDetails.NONE)))
                .when(new MoveUnitCommand(TENANT, id("B1"), id("D1"), T1, ExpectedRevision.of(1)))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.PRECONDITION_FAILED));
    }

    @Test
    void aMoveThatChangesNothingAnswersTheUnchangedRevision() {
        fixture.given(TREE)
                .when(new MoveUnitCommand(TENANT, id("D1"), id("B1"), T1, ExpectedRevision.of(2)))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void unitsOfAnImportBatchTakeThatBatchsSequence() {
        UUID importId = UUID.randomUUID();
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0),
                        new UnitsImportedEvent(TENANT, importId, 1, 2, T0, List.of(imported(BRANCH, "B1", "LE"))),
                        new UnitsImportedEvent(TENANT, importId, 2, 2, T0, List.of(imported(DEPARTMENT, "D1", "B1"))))
                .when(new UpdateUnitCommand(TENANT, id("B1"), "Sales", null, ExpectedRevision.of(1)))
                .expectResultMessagePayload(3L);
    }

    @Test
    void anImportAnswersItsFirstBatchsRevisionAndTellsEachRowsFromIt() {
        // 1,000 legal entities with long names of two-byte characters under a holding named by code: about 800 bytes
        // a row, so the rows fill more than one event; each row gains the holding's id when the tree resolves it
        String name = "é".repeat(200);
        UnitDetails details = new UnitDetails(name, null, null, "DE", "EUR", null, null, null, null, null, null, null,
                null, null);
        List<ImportUnitsCommand.Row> rows = IntStream.range(0, 1000).mapToObj(i -> new ImportUnitsCommand.Row(
                id("LE" + i), LEGAL_ENTITY, "LE" + i, name, null, "HOLD", details)).toList();
        ImportUnitsCommand command = new ImportUnitsCommand(TENANT, UUID.randomUUID(), T1, rows);
        List<ImportedUnit> resolved = rows.stream().map(row -> new ImportedUnit(row.unitId(), LEGAL_ENTITY, row.code(),
                name, id("HOLD"), details)).toList();
        List<List<ImportedUnit>> batches = ImportBatches.cut(resolved, command.batchSizes());
        assertThat(batches.stream().map(ImportBatches::bytes).toList()).as("each event's rows, in bytes")
                .hasSizeGreaterThan(1)
                .allSatisfy(bytes -> assertThat(bytes).isLessThanOrEqualTo(ImportBatches.MAX_ROW_BYTES));

        fixture.given(created(LEGAL_ENTITY, "HOLD", null, T0))
                .when(command)
                .expectEvents(IntStream.range(0, batches.size()).mapToObj(batch -> new UnitsImportedEvent(TENANT,
                        command.importId(), batch + 1, batches.size(), T1, batches.get(batch))).toArray())
                .expectResultMessagePayload(1L);
        List<Long> revisions = command.revisions(1);
        assertThat(revisions.get(0)).isEqualTo(1);
        assertThat(revisions.get(batches.get(0).size())).as("the first row of the second batch").isEqualTo(2);
        assertThat(revisions.get(999)).isEqualTo(batches.size());
    }

    static Stream<Named<UnitChangeCommand>> changesOfD1AtRevision2() {
        ExpectedRevision read = ExpectedRevision.of(2);
        return Stream.of(
                Named.of("update", new UpdateUnitCommand(TENANT, id("D1"), "Sales", null, read)),
                Named.of("move", new MoveUnitCommand(TENANT, id("D1"), id("LE"), T1, read)),
                Named.of("close", new CloseUnitCommand(TENANT, id("D1"), T1, read)));
    }
}
