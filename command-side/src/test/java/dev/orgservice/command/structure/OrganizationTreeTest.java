package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionRetitledEvent;
import dev.orgservice.api.structure.PositionVacatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.structure.UnitsImportedEvent;
import dev.orgservice.platform.problem.OrgException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

import static dev.orgservice.command.OrgErrors.orgError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.orgservice.api.structure.UnitType.BRANCH;
import static dev.orgservice.api.structure.UnitType.COST_CENTER;
import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.api.structure.UnitType.PROFIT_CENTER;
import static dev.orgservice.command.structure.ImportRefusals.importRefused;
import static dev.orgservice.command.structure.ImportRefusals.rowError;
import static dev.orgservice.command.structure.StructureTestData.SwitchableTenantGuard;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.T1;
import static dev.orgservice.command.structure.StructureTestData.T2;
import static dev.orgservice.command.structure.StructureTestData.T3;
import static dev.orgservice.command.structure.StructureTestData.T4;
import static dev.orgservice.command.structure.StructureTestData.T5;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.close;
import static dev.orgservice.command.structure.StructureTestData.closed;
import static dev.orgservice.command.structure.StructureTestData.costCenter;
import static dev.orgservice.command.structure.StructureTestData.create;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;
import static dev.orgservice.command.structure.StructureTestData.imported;
import static dev.orgservice.command.structure.StructureTestData.move;
import static dev.orgservice.command.structure.StructureTestData.moved;
import static dev.orgservice.command.structure.StructureTestData.profitCenter;
import static dev.orgservice.command.structure.StructureTestData.reopen;
import static dev.orgservice.command.structure.StructureTestData.reopened;
import static dev.orgservice.command.structure.StructureTestData.row;
import static dev.orgservice.command.structure.StructureTestData.rowUnder;
import static dev.orgservice.command.structure.StructureTestData.validTo;

/**
 * Given/when/then tests of the {@link OrganizationTree} aggregate: the parent matrix, unique codes, plan limits,
 * tenant suspension, cycles and the lifecycle of units, all checked at a change's effective instant and at every
 * later scheduled change, and the all-or-nothing bulk import. The tree is created on its first command
 * ({@code CREATE_IF_MISSING}); other tests start from the events of a small tree built at {@link StructureTestData#T0}.
 */
class OrganizationTreeTest {

    /** The parent matrix as docs/architecture.md states it, written out independently of {@link ParentRules}. */
    private static final Map<UnitType, Set<UnitType>> ALLOWED_PARENTS = Map.of(
            LEGAL_ENTITY, EnumSet.of(LEGAL_ENTITY),
            BRANCH, EnumSet.of(LEGAL_ENTITY),
            DEPARTMENT, EnumSet.of(LEGAL_ENTITY, BRANCH, DEPARTMENT),
            COST_CENTER, EnumSet.of(LEGAL_ENTITY, COST_CENTER),
            PROFIT_CENTER, EnumSet.of(LEGAL_ENTITY, PROFIT_CENTER));

    private final SwitchableTenantGuard tenants = new SwitchableTenantGuard();
    private final FixtureConfiguration<OrganizationTree> fixture = StructureTestData.fixture(tenants);

    // ---- create ------------------------------------------------------------------------------------------

    @Test
    void createsARootLegalEntityAsTheTenantsFirstUnit() {
        fixture.givenNoPriorActivity()
                .when(create(LEGAL_ENTITY, "LE", null, T0))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(LEGAL_ENTITY, "LE", null, T0));
    }

    @Test
    void createsASecondRootLegalEntityInAnExistingTree() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(create(LEGAL_ENTITY, "LE2", null, T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(LEGAL_ENTITY, "LE2", null, T1));
    }

    @ParameterizedTest(name = "a root {0}")
    @EnumSource(value = UnitType.class, names = "LEGAL_ENTITY", mode = EnumSource.Mode.EXCLUDE)
    void refusesARootThatIsNotALegalEntity(UnitType type) {
        fixture.givenNoPriorActivity()
                .when(create(type, "X", null, T0))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION,
                        Map.of("allowedParentTypes", ParentRules.allowedParents(type))));
    }

    @ParameterizedTest(name = "a {0} under a {1}")
    @MethodSource("allowedPairs")
    void createsAUnitUnderAParentTypeTheMatrixAllows(UnitType child, UnitType parent) {
        fixture.given(treeWithParentOfType(parent))
                .when(create(child, "C", parentCodeFor(parent), T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(child, "C", parentCodeFor(parent), T1));
    }

    @ParameterizedTest(name = "a {0} under a {1}")
    @MethodSource("refusedPairs")
    void refusesAUnitUnderAParentTypeTheMatrixDoesNotAllow(UnitType child, UnitType parent) {
        fixture.given(treeWithParentOfType(parent))
                .when(create(child, "C", parentCodeFor(parent), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION,
                        Map.of("allowedParentTypes", ParentRules.allowedParents(child), "parentType", parent)));
    }

    @Test
    void refusesACodeThatIsAlreadyUsedInTheTenant() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0))
                .when(new CreateUnitCommand(TENANT, id("other"), BRANCH, "D1", "Another D1", id("LE"), T1, null))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.DUPLICATE));
    }

    @Test
    void refusesAnUnknownParent() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(create(DEPARTMENT, "D1", "NOPE", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void createsTheUnitThatReachesThePlansLimit() {
        tenants.allowUnits(3);
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0))
                .when(create(DEPARTMENT, "D2", "LE", T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(DEPARTMENT, "D2", "LE", T1));
    }

    @Test
    void refusesAUnitBeyondThePlansLimit() {
        tenants.allowUnits(2);
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0))
                .when(create(DEPARTMENT, "D2", "LE", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void refusesTheFirstUnitOfASuspendedTenant() {
        tenants.suspend();
        fixture.givenNoPriorActivity()
                .when(create(LEGAL_ENTITY, "LE", null, T0))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_SUSPENDED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandOnTheSmallTree")
    void refusesEveryChangeWhileTheTenantIsSuspended(TreeCommand command) {
        tenants.suspend();
        fixture.given(smallTree())
                .when(command)
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_SUSPENDED));
    }

    @Test
    void refusesAChildUnderAParentThatIsClosedWhenTheChildStarts() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0), closed("D1", T1))
                .when(create(DEPARTMENT, "D2", "D1", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesAChildThatStartsBeforeItsParentsScheduledClose() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0), closed("D1", T3))
                .when(create(DEPARTMENT, "D2", "D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesAChildThatStartsBeforeItsParentExists() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T2))
                .when(create(DEPARTMENT, "D2", "D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void createsAChildUnderAParentThatWasReopened() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0),
                        closed("D1", T1), reopened("D1", T2))
                .when(create(DEPARTMENT, "D2", "D1", T3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(DEPARTMENT, "D2", "D1", T3));
    }

    // ---- cost and profit center references ---------------------------------------------------------------

    @Test
    void createsADepartmentAssignedToACostCenter() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(COST_CENTER, "CC", "LE", T0))
                .when(create(DEPARTMENT, "D1", "LE", T1, costCenter(id("CC"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(DEPARTMENT, "D1", "LE", T1, costCenter(id("CC"))));
    }

    @Test
    void createsADepartmentAssignedToAProfitCenter() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(PROFIT_CENTER, "PC", "LE", T0))
                .when(create(DEPARTMENT, "D1", "LE", T1, profitCenter(id("PC"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(DEPARTMENT, "D1", "LE", T1, profitCenter(id("PC"))));
    }

    @Test
    void refusesADepartmentAssignedToACostCenterThatIsAnotherTypeOfUnit() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(PROFIT_CENTER, "PC", "LE", T0))
                .when(create(DEPARTMENT, "D1", "LE", T1, costCenter(id("PC"))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void refusesADepartmentAssignedToAnUnknownCostCenter() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(create(DEPARTMENT, "D1", "LE", T1, costCenter(id("NOPE"))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesACostCenterAssignmentOnAUnitThatIsNotADepartment() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(COST_CENTER, "CC", "LE", T0))
                .when(create(BRANCH, "B1", "LE", T1, costCenter(id("CC"))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    // ---- update ------------------------------------------------------------------------------------------

    @Test
    void updatesTheNameAndDetailsOfAUnit() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(COST_CENTER, "CC", "LE", T0),
                        created(DEPARTMENT, "D1", "LE", T0))
                .when(new UpdateUnitCommand(TENANT, id("D1"), "Sales", costCenter(id("CC"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitDetailsUpdatedEvent(TENANT, id("D1"), "Sales", costCenter(id("CC"))));
    }

    @Test
    void refusesToUpdateAnUnknownUnit() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(new UpdateUnitCommand(TENANT, id("NOPE"), "Sales", null))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesAnUpdateAssigningADepartmentToACostCenterThatIsAnotherTypeOfUnit() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(BRANCH, "B1", "LE", T0),
                        created(DEPARTMENT, "D1", "B1", T0))
                .when(new UpdateUnitCommand(TENANT, id("D1"), "Sales", costCenter(id("B1"))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void refusesAnUpdateGivingAUnitDetailsItsTypeDoesNotTake() {
        UnitDetails responsible = new UnitDetails(null, null, null, null, null, null, null, null, "emp-7", null, null,
                null, null, null);
        UnitDetails located = new UnitDetails(null, null, null, null, null, null, "Europe/Berlin", null, null, null,
                null, null, null, null);
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0))
                .when(new UpdateUnitCommand(TENANT, id("D1"), null, responsible))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.VALIDATION));
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(new UpdateUnitCommand(TENANT, id("LE"), null, located))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.VALIDATION));
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(COST_CENTER, "CC", "LE", T0))
                .when(new UpdateUnitCommand(TENANT, id("CC"), null, responsible))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitDetailsUpdatedEvent(TENANT, id("CC"), null, responsible));
    }

    @Test
    void recordsNothingForAnUpdateThatNamesNothingToChange() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0))
                .when(new UpdateUnitCommand(TENANT, id("D1"), null, UnitDetails.NONE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesACostCenterWhoseValidityEndsBeforeItBegins() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(create(COST_CENTER, "CC", "LE", T2, validTo(T1)))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void refusesAnUpdateEndingAProfitCentersValidityWhenItBegins() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(PROFIT_CENTER, "PC", "LE", T1))
                .when(new UpdateUnitCommand(TENANT, id("PC"), null, validTo(T1)))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void acceptsAValidityThatEndsAfterTheUnitBegins() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(PROFIT_CENTER, "PC", "LE", T1))
                .when(new UpdateUnitCommand(TENANT, id("PC"), null, validTo(T2)))
                .expectEvents(new UnitDetailsUpdatedEvent(TENANT, id("PC"), null, validTo(T2)));
    }

    @Test
    void refusesAnImportRowWhoseValidityEndsBeforeTheImportTakesEffect() {
        var center = new ImportUnitsCommand.Row(id("CC"), COST_CENTER, "CC", StructureTestData.name("CC"), null,
                "LE", validTo(T0));
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(center))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.RULE_VIOLATION)));
    }

    // ---- holders and closed units ------------------------------------------------------------------------

    @Test
    void refusesToCloseAUnitWhosePositionIsHeldThen() {
        fixture.given(withPosition(held(T1, null)))
                .when(close("D1", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void closesAUnitWhosePositionsHoldingsEndByTheClose() {
        fixture.given(withPosition(held(T1, T2)))
                .when(close("D1", T2))
                .expectEvents(closed("D1", T2));
    }

    @Test
    void closesAUnitWhosePositionWasVacatedAndRefusesWhenAHoldingStartsLater() {
        fixture.given(withPosition(held(T1, null),
                        new PositionVacatedEvent(StructureTestData.TENANT, id("P"), T2)))
                .when(close("D1", T2))
                .expectEvents(closed("D1", T2));
        fixture.given(withPosition(held(T4, null)))
                .when(close("D1", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void closesAUnitEarlierWhenItsPositionIsHeldOnlyAfterTheScheduledReopen() {
        fixture.given(withPosition(closed("D1", T4), reopened("D1", T5), held(T5, null)))
                .when(close("D1", T2))
                .expectEvents(closed("D1", T2));
        fixture.given(withPosition(closed("D1", T4), reopened("D1", T5), held(T1, T5)))
                .when(close("D1", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void closesAUnitEarlierWhenItsChildComesOnlyAfterTheScheduledReopen() {
        // D1 is closed from T3 and reopened at T4; D2 sits under it from T5: closing D1 from T2 leaves D2 alone
        List<Object> reopenedWithChild = List.of(created(LEGAL_ENTITY, "LE", null, T0),
                created(DEPARTMENT, "D1", "LE", T0), closed("D1", T3), reopened("D1", T4),
                created(DEPARTMENT, "D2", "D1", T5));
        fixture.given(reopenedWithChild)
                .when(close("D1", T2))
                .expectEvents(closed("D1", T2));
        // a child under D1 before the reopen still counts
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0), closed("D1", T3),
                        reopened("D1", T5), created(DEPARTMENT, "D2", "D1", T0), closed("D2", T3))
                .when(close("D1", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        // without the reopen D1 would be closed while D2 is under it
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0),
                        created(DEPARTMENT, "D2", "D1", T5))
                .when(close("D1", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesAHolderWhileThePositionsUnitIsClosedOrWillBe() {
        fixture.given(withPosition(closed("D1", T2)))
                .when(new AssignHolderCommand(StructureTestData.TENANT, id("P"), "p-1", T3, null))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(withPosition(closed("D1", T2)))
                .when(new AssignHolderCommand(StructureTestData.TENANT, id("P"), "p-1", T1, null))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(withPosition(closed("D1", T2)))
                .when(new AssignHolderCommand(StructureTestData.TENANT, id("P"), "p-1", T1, T2))
                .expectEvents(new PositionHolderAssignedEvent(StructureTestData.TENANT, id("P"), "p-1", T1, T2));
    }

    @Test
    void refusesAHoldingThatEndsBeforeItStarts() {
        for (Instant to : List.of(T1, T0)) {
            fixture.given(withPosition())
                    .when(new AssignHolderCommand(StructureTestData.TENANT, id("P"), "p-1", T1, to))
                    .expectNoEvents()
                    .expectException(orgError(ErrorCode.RULE_VIOLATION));
        }
    }

    @Test
    void retitlesAPositionAndRefusesAnUnknownOne() {
        fixture.given(withPosition())
                .when(new RetitlePositionCommand(StructureTestData.TENANT, id("P"), "Senior Clerk"))
                .expectEvents(new PositionRetitledEvent(StructureTestData.TENANT, id("P"), "Senior Clerk"));
        fixture.given(withPosition())
                .when(new RetitlePositionCommand(StructureTestData.TENANT, id("NOPE"), "Senior Clerk"))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesAnImportedHolderOfAUnitThatWillBeClosed() {
        Instant later = Instant.parse("2099-01-01T00:00:00Z");
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0), closed("D1", later))
                .when(new ImportPositionsCommand(StructureTestData.TENANT, id("IMPORT"), List.of(new ImportedPosition(
                        id("P"), id("D1"), "Clerk", false, null, "p-1", T1))))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.CONFLICT)));
    }

    @Test
    void refusesAnImportedPositionThatReportsToItself() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "D1", "LE", T0))
                .when(new ImportPositionsCommand(StructureTestData.TENANT, id("IMPORT"), List.of(new ImportedPosition(
                        id("P"), id("D1"), "Clerk", false, id("P"), null, null))))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.CYCLE)));
    }

    /** A legal entity LE with a department D1 that has a position P, then {@code later}. */
    private static List<Object> withPosition(Object... later) {
        List<Object> events = new ArrayList<>(List.of(created(LEGAL_ENTITY, "LE", null, T0),
                created(DEPARTMENT, "D1", "LE", T0),
                new PositionCreatedEvent(StructureTestData.TENANT, id("P"), id("D1"), "Clerk", false, null, List.of())));
        events.addAll(List.of(later));
        return events;
    }

    private static PositionHolderAssignedEvent held(Instant from, Instant to) {
        return new PositionHolderAssignedEvent(StructureTestData.TENANT, id("P"), "p-1", from, to);
    }

    // ---- unknown units -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("lifecycleCommandsOnAnUnknownUnit")
    void refusesToChangeAnUnknownUnit(TreeCommand command) {
        fixture.given(smallTree())
                .when(command)
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    // ---- move --------------------------------------------------------------------------------------------

    @Test
    void movesAUnitUnderANewParentRecordingTheParentItLeaves() {
        fixture.given(smallTree())
                .when(move("D2", "D1", T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(moved("D2", "LE", "D1", T1));
    }

    @Test
    void recordsAFutureDatedMove() {
        fixture.given(smallTree())
                .when(move("D2", "D1", T4))
                .expectSuccessfulHandlerExecution()
                .expectEvents(moved("D2", "LE", "D1", T4));
    }

    @Test
    void recordsTheParentInEffectAtTheMovesInstantAsTheParentItLeaves() {
        fixture.given(smallTree(moved("D3", "LE", "D1", T2)))
                .when(move("D3", "D2", T3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(moved("D3", "D1", "D2", T3));
    }

    @Test
    void movesALegalEntityToTheRoot() {
        fixture.given(created(LEGAL_ENTITY, "HOLDING", null, T0), created(LEGAL_ENTITY, "LE", "HOLDING", T0))
                .when(move("LE", null, T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(moved("LE", "HOLDING", null, T1));
    }

    @Test
    void recordsNothingWhenAUnitIsMovedUnderTheParentItAlreadyHas() {
        fixture.given(smallTree())
                .when(move("D1", "LE", T1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsNothingForAFutureMoveUnderTheParentTheUnitWillStillHaveThen() {
        // D1 is under LE at T4 already: nothing to schedule, so nothing holds it there against a later-sent move
        // that takes effect before T4 (StructureProperties checks that consequence against the read model)
        fixture.given(smallTree())
                .when(move("D1", "LE", T4))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToMoveAUnitUnderItself() {
        fixture.given(smallTree())
                .when(move("D1", "D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void refusesToMoveAUnitUnderItsOwnDescendant() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "A", "LE", T0),
                        created(DEPARTMENT, "B", "A", T0), created(DEPARTMENT, "C", "B", T0))
                .when(move("A", "C", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void refusesAMoveThatFormsACycleOnlyOnceAnotherScheduledMoveTakesEffect() {
        // A is scheduled to go under B at T2; B under A from T1 would close the loop at T2
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "A", "LE", T0),
                        created(DEPARTMENT, "B", "LE", T0), moved("A", "LE", "B", T2))
                .when(move("B", "A", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void movesAUnitUnderAnotherWhenItsOwnScheduledMoveLeavesBeforeTheLoopWouldClose() {
        // A goes under B at T2, but B moves from under A to C at that same instant: no loop at any time
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(DEPARTMENT, "A", "LE", T0),
                        created(DEPARTMENT, "B", "LE", T0), created(DEPARTMENT, "C", "LE", T0),
                        moved("B", "LE", "C", T2), moved("A", "LE", "B", T2))
                .when(move("B", "A", T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(moved("B", "LE", "A", T1));
    }

    @Test
    void movesAUnitClosedBeforeItsNewParentClosesWhateverOrderTheChangesWereRecordedIn() {
        // U goes under X from T1 and is closed from T2; X is closed from T3: never an active child of a closed unit
        List<Object> closes = List.of(created(LEGAL_ENTITY, "R", null, T0), created(DEPARTMENT, "X", "R", T0),
                created(DEPARTMENT, "Y", "R", T0), created(DEPARTMENT, "U", "Y", T0), closed("U", T2), closed("X", T3));
        fixture.given(closes)
                .when(move("U", "X", T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(moved("U", "Y", "X", T1));
        // reopened under X after X closed: refused
        List<Object> reopened = new ArrayList<>(closes);
        reopened.add(reopened("U", T4));
        fixture.given(reopened)
                .when(move("U", "X", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        // X must be active when it takes U
        fixture.given(created(LEGAL_ENTITY, "R", null, T0), created(DEPARTMENT, "X", "R", T0),
                        created(DEPARTMENT, "U", "R", T0), closed("X", T1))
                .when(move("U", "X", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToMoveAUnitUnderAParentTypeTheMatrixDoesNotAllow() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(BRANCH, "B1", "LE", T0),
                        created(COST_CENTER, "CC", "LE", T0))
                .when(move("CC", "B1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void refusesToMoveAUnitThatIsNotALegalEntityToTheRoot() {
        fixture.given(smallTree())
                .when(move("D1", null, T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void refusesToMoveAUnitUnderAnUnknownParent() {
        fixture.given(smallTree())
                .when(move("D1", "NOPE", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesToMoveAUnitUnderAParentThatIsClosed() {
        fixture.given(smallTree(closed("D2", T1)))
                .when(move("D1", "D2", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToMoveAUnitUnderAParentThatIsScheduledToClose() {
        fixture.given(smallTree(closed("D2", T3)))
                .when(move("D1", "D2", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToMoveAUnitBeforeItExists() {
        fixture.given(smallTree(created(DEPARTMENT, "LATE", "LE", T3)))
                .when(move("LATE", "D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void movesAUnitUnderAParentThatClosesOnlyAfterTheUnitHasMovedOnAgain() {
        // D1 is scheduled to go under D3 at T3, when D2 closes; D1 under D2 from T1 to T3 breaks no rule
        fixture.given(smallTree(moved("D1", "LE", "D3", T3), closed("D2", T3)))
                .when(move("D1", "D2", T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(moved("D1", "LE", "D2", T1));
    }

    // ---- close -------------------------------------------------------------------------------------------

    @Test
    void closesAUnitWithoutChildren() {
        fixture.given(smallTree())
                .when(close("D1", T1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(closed("D1", T1));
    }

    @Test
    void closesAUnitWhoseChildrenAreAllClosed() {
        fixture.given(smallTree(created(DEPARTMENT, "D11", "D1", T0), closed("D11", T1)))
                .when(close("D1", T2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(closed("D1", T2));
    }

    @Test
    void closesAUnitWhoseChildHasMovedAwayByTheClose() {
        fixture.given(smallTree(created(DEPARTMENT, "D11", "D1", T0), moved("D11", "D1", "D2", T1)))
                .when(close("D1", T2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(closed("D1", T2));
    }

    @Test
    void refusesToCloseAUnitWithAnActiveChild() {
        fixture.given(smallTree(created(DEPARTMENT, "D11", "D1", T0)))
                .when(close("D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToCloseAUnitThatAChildIsScheduledToMoveUnderLater() {
        fixture.given(smallTree(moved("D2", "LE", "D1", T3)))
                .when(close("D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToCloseAUnitUnderWhichAChildIsScheduledToStartLater() {
        fixture.given(smallTree(created(DEPARTMENT, "D11", "D1", T3)))
                .when(close("D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToCloseAUnitWhoseClosedChildIsScheduledToBeReopened() {
        fixture.given(smallTree(created(DEPARTMENT, "D11", "D1", T0), closed("D11", T1), reopened("D11", T3)))
                .when(close("D1", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToCloseAClosedUnit() {
        fixture.given(smallTree(closed("D1", T1)))
                .when(close("D1", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void refusesToCloseAUnitBeforeItExists() {
        fixture.given(smallTree(created(DEPARTMENT, "LATE", "LE", T3)))
                .when(close("LATE", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    // ---- reopen ------------------------------------------------------------------------------------------

    @Test
    void reopensAClosedUnit() {
        fixture.given(smallTree(closed("D1", T1)))
                .when(reopen("D1", T2))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reopened("D1", T2));
    }

    @Test
    void refusesToReopenAnActiveUnit() {
        fixture.given(smallTree())
                .when(reopen("D1", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void refusesToReopenAUnitUnderAClosedParent() {
        fixture.given(smallTree(created(DEPARTMENT, "D11", "D1", T0), closed("D11", T1), closed("D1", T2)))
                .when(reopen("D11", T3))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToReopenAUnitWhoseParentIsScheduledToClose() {
        fixture.given(smallTree(created(DEPARTMENT, "D11", "D1", T0), closed("D11", T1), closed("D1", T3)))
                .when(reopen("D11", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    @Test
    void refusesToReopenAUnitThatIsScheduledToMoveUnderAParentThatClosesLater() {
        // D11 (closed at T1) goes under D2 at T3; D2 closes at T5. Reopening D11 at T2 leaves it active under
        // the closed D2 from T5 on.
        fixture.given(smallTree(created(DEPARTMENT, "D11", "D1", T0), closed("D11", T1),
                        moved("D11", "D1", "D2", T3), closed("D2", T5)))
                .when(reopen("D11", T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
    }

    // ---- import ------------------------------------------------------------------------------------------

    @Test
    void importsUnitsWhoseParentsComeEarlierInTheImportByCode() {
        fixture.givenNoPriorActivity()
                .when(importing(row(LEGAL_ENTITY, "LE", null), row(BRANCH, "B1", "LE"), row(DEPARTMENT, "D1", "B1"),
                        row(DEPARTMENT, "D11", "D1")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(importedBatch(1, 1, imported(LEGAL_ENTITY, "LE", null), imported(BRANCH, "B1", "LE"),
                        imported(DEPARTMENT, "D1", "B1"), imported(DEPARTMENT, "D11", "D1")));
    }

    @Test
    void refusesAnImportWhenTheTenantHasNoBulkImportFeature() {
        tenants.disable("bulk-import");
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(row(BRANCH, "B1", "LE")))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.FEATURE_DISABLED));
    }

    @Test
    void importsUnitsUnderAnExistingParentNamedByCode() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(row(BRANCH, "B1", "LE")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(importedBatch(1, 1, imported(BRANCH, "B1", "LE")));
    }

    @Test
    void importsUnitsUnderAParentNamedById() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(rowUnder(BRANCH, "B1", id("LE")), rowUnder(DEPARTMENT, "D1", id("B1"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(importedBatch(1, 1, imported(BRANCH, "B1", "LE"), imported(DEPARTMENT, "D1", "B1")));
    }

    @Test
    void importsADepartmentAssignedToACostCenterEarlierInTheImport() {
        var department = new ImportUnitsCommand.Row(id("D1"), DEPARTMENT, "D1", StructureTestData.name("D1"), null,
                "LE", costCenter(id("CC")));
        fixture.givenNoPriorActivity()
                .when(importing(row(LEGAL_ENTITY, "LE", null), row(COST_CENTER, "CC", "LE"), department))
                .expectSuccessfulHandlerExecution()
                .expectEvents(importedBatch(1, 1, imported(LEGAL_ENTITY, "LE", null), imported(COST_CENTER, "CC", "LE"),
                        imported(DEPARTMENT, "D1", "LE", costCenter(id("CC")))));
    }

    @Test
    void keepsAnImportOfAThousandUnitsInOneBatch() {
        List<ImportUnitsCommand.Row> rows = departmentsUnderOneLegalEntity(1000);
        fixture.givenNoPriorActivity()
                .when(importing(rows))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitsImportedEvent(TENANT, id("IMPORT"), 1, 1, T1, importedUnits(rows)));
    }

    @Test
    void splitsAnImportIntoBatchesOfAtMostAThousandUnits() {
        List<ImportUnitsCommand.Row> rows = departmentsUnderOneLegalEntity(2500);
        List<ImportedUnit> units = importedUnits(rows);
        fixture.givenNoPriorActivity()
                .when(importing(rows))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new UnitsImportedEvent(TENANT, id("IMPORT"), 1, 3, T1, units.subList(0, 1000)),
                        new UnitsImportedEvent(TENANT, id("IMPORT"), 2, 3, T1, units.subList(1000, 2000)),
                        new UnitsImportedEvent(TENANT, id("IMPORT"), 3, 3, T1, units.subList(2000, 2500)));
    }

    @Test
    void refusesAWholeImportReportingEveryBadRow() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(
                        row(DEPARTMENT, "D1", "LE"),        // 0: fine
                        row(DEPARTMENT, "D2", "NOPE"),      // 1: unknown parent code
                        row(BRANCH, "B1", null),            // 2: only a legal entity may be a root
                        row(DEPARTMENT, "D1", "LE"),        // 3: code used earlier in the import
                        row(COST_CENTER, "CC", "D1"),       // 4: a cost center cannot sit under a department
                        row(DEPARTMENT, "D3", "D1")))       // 5: fine
                .expectNoEvents()
                .expectException(importRefused(
                        rowError(1, ErrorCode.NOT_FOUND),
                        rowError(2, ErrorCode.RULE_VIOLATION),
                        rowError(3, ErrorCode.DUPLICATE),
                        rowError(4, ErrorCode.RULE_VIOLATION)));
    }

    @Test
    void namesTheFieldARowUsedForAParentThatIsClosed() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), closed("LE", T2))
                .when(importing(row(BRANCH, "B1", "LE"), rowUnder(BRANCH, "B2", id("LE"))))
                .expectNoEvents()
                .expectException(new TypeSafeMatcher<OrgException>() {
                    @Override
                    protected boolean matchesSafely(OrgException refused) {
                        return refused.properties().get("errors") instanceof List<?> errors && errors.stream()
                                .map(error -> ((ImportPlan.RowError) error).field()).toList()
                                .equals(List.of("parentCode", "parentId"));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("row 0 refused for its parentCode, row 1 for its parentId");
                    }
                });
    }

    @Test
    void refusesAnImportThatUsesACodeTwice() {
        fixture.givenNoPriorActivity()
                .when(importing(row(LEGAL_ENTITY, "LE", null), row(BRANCH, "B1", "LE"), row(BRANCH, "B1", "LE")))
                .expectNoEvents()
                .expectException(importRefused(rowError(2, ErrorCode.DUPLICATE)));
    }

    @Test
    void reportsACodeUsedTwiceEvenWhenTheFirstRowWithItIsBad() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(row(BRANCH, "B1", "NOPE"), new ImportUnitsCommand.Row(id("other"), BRANCH, "B1",
                        "Another B1", null, "LE", null)))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.NOT_FOUND), rowError(1, ErrorCode.DUPLICATE)));
    }

    @Test
    void refusesAnImportRowWithACodeTheTenantAlreadyUses() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0), created(BRANCH, "B1", "LE", T0))
                .when(importing(row(DEPARTMENT, "D1", "LE"), new ImportUnitsCommand.Row(id("other"), BRANCH, "B1",
                        "Another B1", null, "LE", null)))
                .expectNoEvents()
                .expectException(importRefused(rowError(1, ErrorCode.DUPLICATE)));
    }

    @Test
    void refusesAnImportRowWhoseParentCodeIsUnknown() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(row(BRANCH, "B1", "LE"), row(DEPARTMENT, "D1", "NOPE")))
                .expectNoEvents()
                .expectException(importRefused(rowError(1, ErrorCode.NOT_FOUND)));
    }

    @Test
    void refusesAnImportRowWhoseParentComesLaterInTheImport() {
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(row(DEPARTMENT, "D1", "B1"), row(BRANCH, "B1", "LE")))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.NOT_FOUND)));
    }

    @Test
    void refusesAnImportRowUnderAClosedParent() {
        fixture.given(smallTree(closed("D1", T1)))
                .when(importing(row(DEPARTMENT, "D11", "D1"), row(DEPARTMENT, "D21", "D2")))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.CONFLICT)));
    }

    @Test
    void refusesAnImportRowAssigningADepartmentToAnUnknownCostCenter() {
        var department = new ImportUnitsCommand.Row(id("D1"), DEPARTMENT, "D1", StructureTestData.name("D1"), null,
                "LE", costCenter(id("NOPE")));
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(department))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.NOT_FOUND)));
    }

    @Test
    void refusesAnImportBeyondThePlansLimit() {
        tenants.allowUnits(3);
        fixture.given(created(LEGAL_ENTITY, "LE", null, T0))
                .when(importing(row(BRANCH, "B1", "LE"), row(BRANCH, "B2", "LE"), row(BRANCH, "B3", "LE")))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    // ---- sources -----------------------------------------------------------------------------------------

    static Stream<Arguments> allowedPairs() {
        return pairs(true);
    }

    static Stream<Arguments> refusedPairs() {
        return pairs(false);
    }

    private static Stream<Arguments> pairs(boolean allowed) {
        return Arrays.stream(UnitType.values()).flatMap(child -> Arrays.stream(UnitType.values())
                .filter(parent -> ALLOWED_PARENTS.get(child).contains(parent) == allowed)
                .map(parent -> Arguments.of(child, parent)));
    }

    static Stream<Named<TreeCommand>> everyCommandOnTheSmallTree() {
        return Stream.of(
                Named.of("create", create(DEPARTMENT, "NEW", "LE", T1)),
                Named.of("import", importing(row(DEPARTMENT, "NEW", "LE"))),
                Named.of("update", new UpdateUnitCommand(TENANT, id("D1"), "Sales", null)),
                Named.of("move", move("D2", "D1", T1)),
                Named.of("close", close("D1", T1)),
                Named.of("reopen", reopen("D1", T1)));
    }

    static Stream<Named<TreeCommand>> lifecycleCommandsOnAnUnknownUnit() {
        return Stream.of(
                Named.of("move", move("NOPE", "D1", T1)),
                Named.of("close", close("NOPE", T1)),
                Named.of("reopen", reopen("NOPE", T1)));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** A legal entity LE with three departments D1, D2, D3 under it, all from T0, then the given events. */
    private static List<Object> smallTree(Object... then) {
        List<Object> events = new ArrayList<>(List.of(created(LEGAL_ENTITY, "LE", null, T0),
                created(DEPARTMENT, "D1", "LE", T0), created(DEPARTMENT, "D2", "LE", T0),
                created(DEPARTMENT, "D3", "LE", T0)));
        events.addAll(List.of(then));
        return events;
    }

    /** A legal entity LE and, unless the parent type is a legal entity, a unit P of that type under it. */
    private static List<Object> treeWithParentOfType(UnitType parentType) {
        List<Object> events = new ArrayList<>();
        events.add(created(LEGAL_ENTITY, "LE", null, T0));
        if (parentType != LEGAL_ENTITY) {
            events.add(created(parentType, "P", "LE", T0));
        }
        return events;
    }

    private static String parentCodeFor(UnitType parentType) {
        return parentType == LEGAL_ENTITY ? "LE" : "P";
    }

    private static ImportUnitsCommand importing(ImportUnitsCommand.Row... rows) {
        return importing(List.of(rows));
    }

    private static ImportUnitsCommand importing(List<ImportUnitsCommand.Row> rows) {
        return new ImportUnitsCommand(TENANT, id("IMPORT"), T1, rows);
    }

    private static UnitsImportedEvent importedBatch(int batch, int batches, ImportedUnit... units) {
        return new UnitsImportedEvent(TENANT, id("IMPORT"), batch, batches, T1, List.of(units));
    }

    /** A root legal entity LE and {@code total - 1} departments under it, named by its code. */
    private static List<ImportUnitsCommand.Row> departmentsUnderOneLegalEntity(int total) {
        List<ImportUnitsCommand.Row> rows = new ArrayList<>(total);
        rows.add(row(LEGAL_ENTITY, "LE", null));
        IntStream.range(1, total).forEach(i -> rows.add(row(DEPARTMENT, "D%04d".formatted(i), "LE")));
        return rows;
    }

    /** What {@link #departmentsUnderOneLegalEntity} records, in row order. */
    private static List<ImportedUnit> importedUnits(List<ImportUnitsCommand.Row> rows) {
        return rows.stream()
                .map(row -> imported(row.type(), row.code(), row.parentCode()))
                .toList();
    }
}
