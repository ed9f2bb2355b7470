package dev.orgservice.command.structure;

import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionRetitledEvent;
import dev.orgservice.api.structure.PositionVacatedEvent;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.command.revision.ExpectedRevision;
import dev.orgservice.command.revision.IfMatch;
import dev.orgservice.platform.problem.OrgException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.OrgErrors.orgErrorExactly;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.T1;
import static dev.orgservice.command.structure.StructureTestData.T5;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional changes of a position, as of a unit ({@link UnitRevisionTest}): a position's revision is the tree's
 * sequence number of the last event that changed that position, every position command answers it, and a change that
 * expects another revision is refused with {@code precondition-failed} before any other rule, recording nothing.
 */
class PositionRevisionTest {

    /** LE (sequence 0), D1 (1) and D2 (2) under LE, positions A (3) and B (4) in D1. */
    private static final List<Object> TREE = List.of(created(LEGAL_ENTITY, "LE", null, T0),
            created(DEPARTMENT, "D1", "LE", T0), created(DEPARTMENT, "D2", "LE", T0), position("A"), position("B"));

    private final FixtureConfiguration<OrganizationTree> fixture =
            StructureTestData.fixture(new StructureTestData.SwitchableTenantGuard());

    @Test
    void aNewPositionsRevisionIsTheSequenceOfTheEventThatCreatedIt() {
        fixture.given(TREE)
                .when(new CreatePositionCommand(TENANT, id("C"), id("D1"), "C", false, id("A"), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(5L);
    }

    @Test
    void anImportAnswersItsFirstBatchsSequence() {
        fixture.given(TREE)
                .when(new ImportPositionsCommand(TENANT, id("IMPORT"), List.of(imported("C"), imported("D"))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(5L);
    }

    @Test
    void positionsOfAnImportBatchTakeThatBatchsSequence() {
        UUID importId = id("IMPORT");
        fixture.given(with(new PositionsImportedEvent(TENANT, importId, 1, 2, List.of(imported("C"))),
                        new PositionsImportedEvent(TENANT, importId, 2, 2, List.of(imported("D")))))
                .when(new RetitlePositionCommand(TENANT, id("D"), "Clerk", ExpectedRevision.of(6)))
                .expectResultMessagePayload(7L);
    }

    @Test
    void eachRowOfAnImportIsAtItsBatchsRevision() {
        List<ImportedPosition> rows = IntStream.range(0, ImportBatches.MAX_ROWS + 1)
                .mapToObj(row -> imported("ROW" + row)).toList();
        List<Long> revisions = new ImportPositionsCommand(TENANT, id("IMPORT"), rows).revisions(7);
        List<Long> expected = new ArrayList<>(Collections.nCopies(ImportBatches.MAX_ROWS, 7L));
        expected.add(8L);
        assertThat(revisions).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOfAAtRevision3")
    void aChangeAtTheRevisionTheClientReadIsMadeAndAnswersTheNewRevision(PositionChangeCommand change) {
        fixture.given(TREE)
                .when(change)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(5L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOfAAtRevision3")
    void aChangeAtAnOlderRevisionIsRefusedWithTheCurrentOneAndRecordsNothing(PositionChangeCommand change) {
        fixture.given(with(new PositionRetitledEvent(TENANT, id("A"), "Renamed by someone else")))
                .when(change)
                .expectNoEvents()
                .expectException(preconditionFailed(5L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsThatChangeA")
    void everyEventOfThePositionChangesItsRevision(Object change) {
        fixture.given(with(change))
                .when(new RetitlePositionCommand(TENANT, id("A"), "Clerk", ExpectedRevision.of(5)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(6L);
        fixture.given(with(change))
                .when(new RetitlePositionCommand(TENANT, id("A"), "Clerk", ExpectedRevision.of(3)))
                .expectException(preconditionFailed(5L));
    }

    /** Vacating takes effect, and moves the revision on, only where someone holds the position from then on. */
    @Test
    void vacatingAHeldPositionAnswersTheNewRevisionAndAVacantOneTheUnchanged() {
        fixture.given(with(new PositionHolderAssignedEvent(TENANT, id("A"), "p-1", T1, null)))
                .when(vacate(ExpectedRevision.of(5)))
                .expectEvents(new PositionVacatedEvent(TENANT, id("A"), T5))
                .expectResultMessagePayload(6L);
        fixture.given(TREE)
                .when(vacate(ExpectedRevision.of(3)))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
        fixture.given(with(new PositionRetitledEvent(TENANT, id("A"), "Renamed by someone else")))
                .when(vacate(ExpectedRevision.of(3)))
                .expectNoEvents()
                .expectException(preconditionFailed(5L));
    }

    @Test
    void anAbsentOrStarIfMatchMakesTheChangeWhateverTheRevision() {
        for (String ifMatch : new String[]{null, "*"}) {
            fixture.given(with(new PositionRetitledEvent(TENANT, id("A"), "Renamed by someone else")))
                    .when(new RetitlePositionCommand(TENANT, id("A"), "Clerk", IfMatch.expectedRevision(ifMatch)))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(6L);
        }
    }

    @Test
    void aChangeOfAnotherPositionOrOfAnAuthorityLeavesTheRevisionAlone() {
        fixture.given(with(new PositionRetitledEvent(TENANT, id("B"), "Renamed"),
                        new ApprovalAuthorityGrantedEvent(TENANT, id("A"), "purchase",
                                new Money(new BigDecimal("1000"), "EUR"), T1)))
                .when(new RetitlePositionCommand(TENANT, id("A"), "Clerk", ExpectedRevision.of(3)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(7L);
    }

    @Test
    void aChangeThatChangesNothingAnswersTheUnchangedRevision() {
        fixture.given(TREE)
                .when(new MovePositionCommand(TENANT, id("A"), id("D1"), T1, ExpectedRevision.of(3)))
                .expectNoEvents()
                .expectResultMessagePayload(3L);
    }

    @Test
    void theRevisionIsCheckedBeforeTheOtherRules() {
        // stale and a line to itself: the client learns first that it read an old state
        fixture.given(with(new PositionRetitledEvent(TENANT, id("A"), "Renamed")))
                .when(new ChangeReportingLinesCommand(TENANT, id("A"), id("A"), List.of(), T1, ExpectedRevision.of(3)))
                .expectNoEvents()
                .expectException(preconditionFailed(5L));
    }

    static Stream<Named<PositionChangeCommand>> changesOfAAtRevision3() {
        ExpectedRevision read = ExpectedRevision.of(3);
        return Stream.of(
                Named.of("retitle", new RetitlePositionCommand(TENANT, id("A"), "Clerk", read)),
                Named.of("lines", new ChangeReportingLinesCommand(TENANT, id("A"), id("B"), List.of(), T1, read)),
                Named.of("move", new MovePositionCommand(TENANT, id("A"), id("D2"), T1, read)),
                Named.of("manager role", new ChangeManagerRoleCommand(TENANT, id("A"), true, T1, read)),
                Named.of("close", new ClosePositionCommand(TENANT, id("A"), T1, read)),
                Named.of("assign holder", new AssignHolderCommand(TENANT, id("A"), "p-1", T1, null, read)));
    }

    static Stream<Named<Object>> eventsThatChangeA() {
        return Stream.of(
                Named.of("retitled", new PositionRetitledEvent(TENANT, id("A"), "Clerk")),
                Named.of("lines changed", new PositionReportingLinesChangedEvent(TENANT, id("A"), id("B"), List.of(), T1)),
                Named.of("moved", new PositionMovedEvent(TENANT, id("A"), id("D1"), id("D2"), T1)),
                Named.of("manager role changed", new PositionManagerRoleChangedEvent(TENANT, id("A"), true, T1)),
                Named.of("closed", new PositionClosedEvent(TENANT, id("A"), T1)),
                Named.of("holder assigned", new PositionHolderAssignedEvent(TENANT, id("A"), "p-1", T1, null)),
                Named.of("vacated", new PositionVacatedEvent(TENANT, id("A"), T1)));
    }

    private static VacatePositionCommand vacate(ExpectedRevision expected) {
        return new VacatePositionCommand(TENANT, id("A"), T5, expected);
    }

    private static Matcher<OrgException> preconditionFailed(long currentRevision) {
        return orgErrorExactly(ErrorCode.PRECONDITION_FAILED, Map.of("positionId", id("A"), "currentRevision", currentRevision));
    }

    private static PositionCreatedEvent position(String code) {
        return new PositionCreatedEvent(TENANT, id(code), id("D1"), code, false, null, List.of());
    }

    private static ImportedPosition imported(String code) {
        return new ImportedPosition(id(code), id("D1"), code, false, null, null, null);
    }

    private static List<Object> with(Object... later) {
        List<Object> events = new ArrayList<>(TREE);
        events.addAll(List.of(later));
        return events;
    }
}
