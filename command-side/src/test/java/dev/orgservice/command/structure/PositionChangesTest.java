package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.OrgErrors.orgError;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.T1;
import static dev.orgservice.command.structure.StructureTestData.T2;
import static dev.orgservice.command.structure.StructureTestData.T3;
import static dev.orgservice.command.structure.StructureTestData.T4;
import static dev.orgservice.command.structure.StructureTestData.T5;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;

/**
 * A position's reporting lines change, effective-dated: the new lines hold from their date until the position's
 * next recorded change of lines, and explicit solid lines never form a cycle at any date, including against
 * changes scheduled for later. A position closes from a date on once nobody holds it and no line leads to it then,
 * and after that takes neither holder nor lines.
 */
class PositionChangesTest {

    private final StructureTestData.SwitchableTenantGuard tenants = new StructureTestData.SwitchableTenantGuard();
    private final FixtureConfiguration<OrganizationTree> fixture = StructureTestData.fixture(tenants);

    @Test
    void changesTheSolidAndDottedLinesFromADate() {
        fixture.given(positionsABC())
                .when(lines("A", "B", List.of("C"), T2))
                .expectEvents(changed("A", "B", List.of("C"), T2));
    }

    @Test
    void recordsNothingWhenTheLinesAreAlreadyInEffect() {
        fixture.given(positionsABC(changed("A", "B", List.of("C"), T1)))
                .when(lines("A", "B", List.of("C"), T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(positionsABC())
                .when(lines("A", null, List.of(), T2))
                .expectNoEvents();
    }

    @Test
    void refusesUnknownPositions() {
        fixture.given(positionsABC())
                .when(lines("NOPE", "B", List.of(), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
        fixture.given(positionsABC())
                .when(lines("A", "NOPE", List.of(), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
        fixture.given(positionsABC())
                .when(lines("A", null, List.of("NOPE"), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesALineToItself() {
        fixture.given(positionsABC())
                .when(lines("A", "A", List.of(), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
        fixture.given(positionsABC())
                .when(lines("A", "B", List.of("A"), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void refusesALineThatClosesACycle() {
        fixture.given(positionsABC(changed("B", "C", List.of(), T1), changed("C", "A", List.of(), T1)))
                .when(lines("A", "B", List.of(), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void acceptsALineWhoseCycleWouldOnlyHaveExistedBeforeItsDate() {
        // C reports to A only until T2: from T2 on, A may report to B (and B to C)
        fixture.given(positionsABC(changed("B", "C", List.of(), T1), changed("C", "A", List.of(), T1),
                        changed("C", null, List.of(), T2)))
                .when(lines("A", "B", List.of(), T2))
                .expectEvents(changed("A", "B", List.of(), T2));
    }

    @Test
    void refusesALineThatAChangeScheduledLaterWouldTurnIntoACycle() {
        // from T3 on C is to report to A: A reporting to B (and B to C) from T2 on would close the cycle at T3
        fixture.given(positionsABC(changed("B", "C", List.of(), T1), changed("C", "A", List.of(), T3)))
                .when(lines("A", "B", List.of(), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void acceptsALineThatEndsBeforeAScheduledChangeWouldCloseACycle() {
        // A's own change at T3 ends the new line before C's line to A begins at T4
        fixture.given(positionsABC(changed("B", "C", List.of(), T1), changed("A", null, List.of(), T3),
                        changed("C", "A", List.of(), T4)))
                .when(lines("A", "B", List.of(), T2))
                .expectEvents(changed("A", "B", List.of(), T2));
    }

    @Test
    void refusesAChangeOfASuspendedTenant() {
        tenants.suspend();
        fixture.given(positionsABC())
                .when(lines("A", "B", List.of(), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_SUSPENDED));
    }

    // ---- close ---------------------------------------------------------------------------------------------

    @Test
    void closesAPositionFromADate() {
        fixture.given(positionsABC())
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectEvents(new PositionClosedEvent(TENANT, id("A"), T2));
    }

    @Test
    void refusesToCloseAPositionHeldThenOrLater() {
        fixture.given(positionsABC(held("A", T3, null)))
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(positionsABC(held("A", T1, T2)))
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectEvents(new PositionClosedEvent(TENANT, id("A"), T2));
    }

    @Test
    void refusesToCloseAPositionThatALineLeadsToThenOrLater() {
        fixture.given(positionsABC(changed("B", "A", List.of(), T1)))
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(positionsABC(changed("B", null, List.of("A"), T3)))
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        // B's line to A ends at T2, and C, closed from T1, no longer counts
        fixture.given(positionsABC(changed("B", "A", List.of(), T1), changed("B", null, List.of(), T2),
                        changed("C", "A", List.of(), T0), new PositionClosedEvent(TENANT, id("C"), T1)))
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectEvents(new PositionClosedEvent(TENANT, id("A"), T2));
    }

    /**
     * A line scheduled after its own position's close never takes effect: it must not keep its target open (it could
     * not be changed any more, the position being closed then). From a review, 2026-11-28: closing A was refused for
     * ever.
     */
    @Test
    void aLineScheduledAfterItsPositionsCloseDoesNotKeepItsTargetOpen() {
        fixture.given(positionsABC(changed("B", "A", List.of(), T4)))
                .when(new ClosePositionCommand(TENANT, id("B"), T3))
                .expectEvents(new PositionClosedEvent(TENANT, id("B"), T3));
        fixture.given(positionsABC(changed("B", "A", List.of(), T4), new PositionClosedEvent(TENANT, id("B"), T3)))
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectEvents(new PositionClosedEvent(TENANT, id("A"), T2));
        fixture.given(positionsABC(changed("B", null, List.of("A"), T4), new PositionClosedEvent(TENANT, id("B"), T4)))
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectEvents(new PositionClosedEvent(TENANT, id("A"), T2));
        // closed only from T5, B's dotted line leads to A from T4 to T5
        fixture.given(positionsABC(changed("B", null, List.of("A"), T4), new PositionClosedEvent(TENANT, id("B"), T5)))
                .when(new ClosePositionCommand(TENANT, id("A"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToCloseAClosedPositionAgainButMovesItsCloseEarlier() {
        fixture.given(positionsABC(new PositionClosedEvent(TENANT, id("A"), T2)))
                .when(new ClosePositionCommand(TENANT, id("A"), T3))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
        fixture.given(positionsABC(new PositionClosedEvent(TENANT, id("A"), T2)))
                .when(new ClosePositionCommand(TENANT, id("A"), T1))
                .expectEvents(new PositionClosedEvent(TENANT, id("A"), T1));
    }

    @Test
    void aClosedPositionTakesNoHolderAndNoLineLeadsToIt() {
        List<Object> closed = positionsABC(new PositionClosedEvent(TENANT, id("A"), T3));
        fixture.given(closed)
                .when(new AssignHolderCommand(TENANT, id("A"), "p-1", T1, null))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(closed)
                .when(new AssignHolderCommand(TENANT, id("A"), "p-1", T1, T3))
                .expectEvents(new PositionHolderAssignedEvent(TENANT, id("A"), "p-1", T1, T3));
        fixture.given(closed)
                .when(lines("B", "A", List.of(), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(closed)
                .when(lines("B", null, List.of("A"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(closed)
                .when(new CreatePositionCommand(TENANT, id("D"), id("D1"), "D", false, id("A"), List.of()))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(closed)
                .when(new ImportPositionsCommand(TENANT, id("IMPORT"), List.of(new ImportedPosition(id("D"), id("D1"),
                        "D", false, id("A"), null, null))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
        fixture.given(closed)
                .when(lines("A", "B", List.of(), T3))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void thePlansPositionLimitCountsThePositionsNotClosedByNow() {
        tenants.allowPositions(3);
        var another = new CreatePositionCommand(TENANT, id("D"), id("D1"), "D", false, null, List.of());
        fixture.given(positionsABC())
                .when(another)
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
        fixture.given(positionsABC(new PositionClosedEvent(TENANT, id("C"), T1)))
                .when(another)
                .expectEvents(new PositionCreatedEvent(TENANT, id("D"), id("D1"), "D", false, null, List.of()));
        fixture.given(positionsABC(new PositionClosedEvent(TENANT, id("C"), Instant.parse("2099-01-01T00:00:00Z"))))
                .when(another)
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void aLineToAPositionThatClosesLaterMayEndBeforeTheClose() {
        // B reports to A from T1 until its own change at T3; A closes at T3
        fixture.given(positionsABC(new PositionClosedEvent(TENANT, id("A"), T3), changed("B", "C", List.of(), T3)))
                .when(lines("B", "A", List.of(), T1))
                .expectEvents(changed("B", "A", List.of(), T1));
    }

    // ---- move --------------------------------------------------------------------------------------------

    @Test
    void movesAPositionToAnotherUnitFromADate() {
        fixture.given(positionsABC(created(DEPARTMENT, "D2", "LE", T0)))
                .when(new MovePositionCommand(TENANT, id("A"), id("D2"), T2))
                .expectEvents(new PositionMovedEvent(TENANT, id("A"), id("D1"), id("D2"), T2));
        fixture.given(positionsABC(created(DEPARTMENT, "D2", "LE", T0),
                        new PositionMovedEvent(TENANT, id("A"), id("D1"), id("D2"), T1)))
                .when(new MovePositionCommand(TENANT, id("A"), id("D2"), T2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToMoveAPositionIntoAUnitClosedOrNotYetThereAtTheMove() {
        fixture.given(positionsABC(created(DEPARTMENT, "D2", "LE", T3)))
                .when(new MovePositionCommand(TENANT, id("A"), id("D2"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(positionsABC(created(DEPARTMENT, "D2", "LE", T0), StructureTestData.closed("D2", T1)))
                .when(new MovePositionCommand(TENANT, id("A"), id("D2"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(positionsABC())
                .when(new MovePositionCommand(TENANT, id("A"), id("NOPE"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
        fixture.given(positionsABC(created(DEPARTMENT, "D2", "LE", T0), new PositionClosedEvent(TENANT, id("A"), T1)))
                .when(new MovePositionCommand(TENANT, id("A"), id("D2"), T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void movesAPositionIntoAUnitThatClosesLaterUnlessItIsHeldThereWhileTheUnitIsClosed() {
        // D2 closes at T4 (and reopens at T5): a vacant A may move in at T2, as a vacant position may stay in a unit
        // that closes, and as a position may be created in a unit with a close scheduled
        MovePositionCommand intoD2 = new MovePositionCommand(TENANT, id("A"), id("D2"), T2);
        PositionMovedEvent movedIntoD2 = new PositionMovedEvent(TENANT, id("A"), id("D1"), id("D2"), T2);
        fixture.given(withD2ClosedFromT4ToT5())
                .when(intoD2)
                .expectEvents(movedIntoD2);
        // held while D2 is closed: refused, as closing D2 would be
        fixture.given(withD2ClosedFromT4ToT5(held("A", T1, null)))
                .when(intoD2)
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        // held until the close, or only from the reopen on: accepted
        fixture.given(withD2ClosedFromT4ToT5(held("A", T1, T4)))
                .when(intoD2)
                .expectEvents(movedIntoD2);
        fixture.given(withD2ClosedFromT4ToT5(held("A", T5, null)))
                .when(intoD2)
                .expectEvents(movedIntoD2);
        // held on, but A moves on to D1 again at T3, before D2 closes
        fixture.given(withD2ClosedFromT4ToT5(held("A", T1, null),
                        new PositionMovedEvent(TENANT, id("A"), id("D1"), id("D1"), T3)))
                .when(intoD2)
                .expectEvents(movedIntoD2);
    }

    /** {@link #positionsABC} with a department D2 closed from T4 to T5, then {@code later}. */
    private static List<Object> withD2ClosedFromT4ToT5(Object... later) {
        List<Object> events = positionsABC(created(DEPARTMENT, "D2", "LE", T0), StructureTestData.closed("D2", T4),
                StructureTestData.reopened("D2", T5));
        events.addAll(List.of(later));
        return events;
    }

    @Test
    void theHoldingRulesFollowThePositionIntoItsUnits() {
        // A sits in D2 from T2; D2 closes at T4: a holder from T3 on is refused, a holding ending at T4 is not
        List<Object> moved = positionsABC(created(DEPARTMENT, "D2", "LE", T0),
                new PositionMovedEvent(TENANT, id("A"), id("D1"), id("D2"), T2), StructureTestData.closed("D2", T4));
        fixture.given(moved)
                .when(new AssignHolderCommand(TENANT, id("A"), "p-1", T3, null))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(moved)
                .when(new AssignHolderCommand(TENANT, id("A"), "p-1", T1, T4))
                .expectEvents(new PositionHolderAssignedEvent(TENANT, id("A"), "p-1", T1, T4));
        // D1 may close from T2 on while A is held: A sits in D2 then; not from T1
        List<Object> held = positionsABC(created(DEPARTMENT, "D2", "LE", T0),
                new PositionMovedEvent(TENANT, id("A"), id("D1"), id("D2"), T2), held("A", T1, null));
        fixture.given(held)
                .when(StructureTestData.close("D1", T2))
                .expectEvents(StructureTestData.closed("D1", T2));
        fixture.given(held)
                .when(StructureTestData.close("D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(held)
                .when(StructureTestData.close("D2", T3))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    // ---- manager role -------------------------------------------------------------------------------------

    @Test
    void makesAPositionAManagerPositionFromADateUntilItsNextChangeOfRole() {
        fixture.given(positionsABC())
                .when(role("A", true, T2))
                .expectEvents(roleChanged("A", true, T2));
        // A is a manager position from T2 on: from T3 no longer; at T3 already one (nothing recorded)
        List<Object> manager = positionsABC(roleChanged("A", true, T2));
        fixture.given(manager)
                .when(role("A", false, T3))
                .expectEvents(roleChanged("A", false, T3));
        fixture.given(manager)
                .when(role("A", true, T3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // before T2 it is not one: recorded for T1, up to the change at T2; not a manager at T1 already
        fixture.given(manager)
                .when(role("A", true, T1))
                .expectEvents(roleChanged("A", true, T1));
        fixture.given(manager)
                .when(role("A", false, T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // a position created as a manager position is one from the start
        fixture.given(positionsABC(new PositionCreatedEvent(TENANT, id("M"), id("D1"), "Head", true, null, List.of())))
                .when(role("M", true, T1))
                .expectNoEvents();
    }

    @Test
    void refusesToChangeTheRoleOfAClosedOrUnknownPosition() {
        List<Object> closed = positionsABC(new PositionClosedEvent(TENANT, id("A"), T2));
        fixture.given(closed)
                .when(role("A", true, T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
        fixture.given(closed)
                .when(role("A", true, T1))
                .expectEvents(roleChanged("A", true, T1));
        fixture.given(positionsABC())
                .when(role("NOPE", true, T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesAChangeOfRoleWhileTheTenantIsSuspended() {
        tenants.suspend();
        fixture.given(positionsABC())
                .when(role("A", true, T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_SUSPENDED));
    }

    private static ChangeManagerRoleCommand role(String position, boolean manager, Instant from) {
        return new ChangeManagerRoleCommand(TENANT, id(position), manager, from);
    }

    private static PositionManagerRoleChangedEvent roleChanged(String position, boolean manager, Instant from) {
        return new PositionManagerRoleChangedEvent(TENANT, id(position), manager, from);
    }

    /** A legal entity LE with a department D1 holding the positions A, B and C, none with an explicit line. */
    private static List<Object> positionsABC(Object... later) {
        List<Object> events = new ArrayList<>(List.of(created(LEGAL_ENTITY, "LE", null, T0),
                created(DEPARTMENT, "D1", "LE", T0)));
        for (String code : List.of("A", "B", "C")) {
            events.add(new PositionCreatedEvent(TENANT, id(code), id("D1"), code, false, null, List.of()));
        }
        events.addAll(List.of(later));
        return events;
    }

    private static PositionHolderAssignedEvent held(String code, Instant from, Instant to) {
        return new PositionHolderAssignedEvent(TENANT, id(code), "p-1", from, to);
    }

    private static ChangeReportingLinesCommand lines(String code, String reportsTo, List<String> dotted, Instant from) {
        return new ChangeReportingLinesCommand(TENANT, id(code), reportsTo == null ? null : id(reportsTo), ids(dotted), from);
    }

    private static PositionReportingLinesChangedEvent changed(String code, String reportsTo, List<String> dotted,
                                                              Instant from) {
        return new PositionReportingLinesChangedEvent(TENANT, id(code), reportsTo == null ? null : id(reportsTo),
                ids(dotted), from);
    }

    private static List<UUID> ids(List<String> codes) {
        return codes.stream().map(StructureTestData::id).toList();
    }
}
