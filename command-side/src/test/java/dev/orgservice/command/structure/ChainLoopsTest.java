package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.api.structure.UnitMovedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.OrgErrors.orgError;
import static dev.orgservice.command.structure.ImportRefusals.importRefused;
import static dev.orgservice.command.structure.ImportRefusals.rowError;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;
import static dev.orgservice.command.structure.StructureTestData.move;

/**
 * No change makes a management chain lead back to where it started, through explicit lines or through units'
 * managers (a position reports to its explicit line, else to its unit's manager, else to the nearest ancestor's),
 * at any date: the read model's walks would stop at the loop and the people below it would never reach the top.
 * <pre>
 * LE: CEO (manager)
 * ├── D1: H (manager), A
 * └── D2: X (no manager: reports to CEO)
 * </pre>
 * Dates are in the future: a position's role counts from its creation (now), so earlier dates would not tell which
 * of two manager positions manages a unit.
 */
class ChainLoopsTest {

    private static final Instant F1 = Instant.parse("2031-01-01T00:00:00Z");
    private static final Instant F2 = Instant.parse("2032-01-01T00:00:00Z");
    private static final Instant F3 = Instant.parse("2033-01-01T00:00:00Z");

    private final FixtureConfiguration<OrganizationTree> fixture =
            StructureTestData.fixture(new StructureTestData.SwitchableTenantGuard());

    @Test
    void refusesAHeadsLineToSomeoneInItsOwnUnit() {
        // A reports to D1's manager H: H reporting to A would close H -> A -> H
        fixture.given(organization())
                .when(lines("H", "A", F1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE, Map.of("loopPositionId", id("H"), "at", F1.toString())));
        // X (D2, no manager there) reports to the CEO: H -> X -> CEO is no loop
        fixture.given(organization())
                .when(lines("H", "X", F1))
                .expectEvents(linesChanged("H", "X", F1));
        // with an explicit line of its own upward, A no longer reports to H
        fixture.given(organization(linesChanged("A", "CEO", F1)))
                .when(lines("H", "A", F1))
                .expectEvents(linesChanged("H", "A", F1));
    }

    @Test
    void refusesALineWhoseLoopOnlyAScheduledChangeWouldClose() {
        // A's explicit line to the CEO ends at F2: from then on A reports to H again
        fixture.given(organization(linesChanged("A", "CEO", F1), linesChanged("A", null, F2)))
                .when(lines("H", "A", F1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
        // H's own next change of lines at F2 ends the new line first
        fixture.given(organization(linesChanged("A", "CEO", F1), linesChanged("H", null, F2),
                        linesChanged("A", null, F3)))
                .when(lines("H", "A", F1))
                .expectEvents(linesChanged("H", "A", F1));
    }

    @Test
    void refusesRemovingALineWhenThePositionWouldThenReportToWhoReportsToIt() {
        fixture.given(organization(linesChanged("A", "CEO", F1), linesChanged("H", "A", F1)))
                .when(lines("A", null, F2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void refusesMovingAPositionUnderTheHeadWhoReportsToIt() {
        // H reports to X; X moving into D1 would report to H
        fixture.given(organization(linesChanged("H", "X", F1)))
                .when(new MovePositionCommand(TENANT, id("X"), id("D1"), F2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
        fixture.given(organization(linesChanged("H", "X", F1)))
                .when(new MovePositionCommand(TENANT, id("A"), id("D2"), F2))
                .expectEvents(new PositionMovedEvent(TENANT, id("A"), id("D1"), id("D2"), F2));
    }

    @Test
    void refusesMovingAUnitUnderTheHeadWhoReportsIntoIt() {
        // H reports to X; D2 moving under D1 would hand X (D2 has no manager) to H
        fixture.given(organization(linesChanged("H", "X", F1)))
                .when(move("D2", "D1", F2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
        fixture.given(organization())
                .when(move("D2", "D1", F2))
                .expectEvents(new UnitMovedEvent(TENANT, id("D2"), id("LE"), id("D1"), F2));
    }

    @Test
    void refusesMakingAPositionTheManagerOfWhoItReportsTo() {
        // K in D2 reports to X, who reports to the CEO (D2 has no manager); K made D2's manager would have X report
        // to K
        fixture.given(organization(new PositionCreatedEvent(TENANT, id("K"), id("D2"), "K", false, id("X"), List.of())))
                .when(new ChangeManagerRoleCommand(TENANT, id("K"), true, F1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void refusesClosingTheManagerWhoseSuccessorWouldCloseALoop() {
        // D1's second manager position H2 (one from F1, after H) reports to A; while H manages D1 that is no loop,
        // but with H closed from F2 on, H2 manages D1 and A would report to H2
        List<Object> twoManagers = organization(
                new PositionCreatedEvent(TENANT, id("H2"), id("D1"), "H2", false, id("A"), List.of()),
                new PositionManagerRoleChangedEvent(TENANT, id("H2"), true, F1));
        fixture.given(twoManagers)
                .when(new ClosePositionCommand(TENANT, id("H"), F2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
        // H2 no manager position: with H closed, D1 has no manager and A reports to the CEO
        fixture.given(organization(new PositionCreatedEvent(TENANT, id("H2"), id("D1"), "H2", false, id("A"), List.of())))
                .when(new ClosePositionCommand(TENANT, id("H"), F2))
                .expectEvents(new PositionClosedEvent(TENANT, id("H"), F2));
    }

    @Test
    void refusesCreatingAManagerPositionThatReportsToItsOwnUnit() {
        // D2 has no manager: a new manager position there reporting to X would have X report to it
        fixture.given(organization())
                .when(new CreatePositionCommand(TENANT, id("N"), id("D2"), "N", true, id("X"), List.of()))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
        fixture.given(organization())
                .when(new CreatePositionCommand(TENANT, id("N"), id("D2"), "N", true, id("CEO"), List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAnImportRowThatClosesALoop() {
        UUID importId = UUID.randomUUID();
        List<ImportedPosition> rows = List.of(
                new ImportedPosition(id("Y"), id("D2"), "Y", false, null, null, null),
                new ImportedPosition(id("N"), id("D2"), "N", true, id("Y"), null, null));
        fixture.given(organization())
                .when(new ImportPositionsCommand(TENANT, importId, rows))
                .expectNoEvents()
                .expectException(importRefused(rowError(1, ErrorCode.CYCLE)));
        List<ImportedPosition> upward = List.of(
                new ImportedPosition(id("Y"), id("D2"), "Y", false, null, null, null),
                new ImportedPosition(id("N"), id("D2"), "N", true, id("CEO"), null, null));
        fixture.given(organization())
                .when(new ImportPositionsCommand(TENANT, importId, upward))
                .expectEvents(new PositionsImportedEvent(TENANT, importId, 1, 1, upward));
    }

    @Test
    void refusesAnEarlierRoleThatJoinsOneAlreadyPlannedAndSoTakesOverTheUnitLater() {
        // U: Q a manager position from F1, P one from F3 (Q has been one longer), P's line to S from F3 + 1 year:
        // S reports to Q. P made one from F0 as well joins its role planned for F3: P manages U from F0 on, and
        // from the line's date S reports to P and P to S (a check only up to P's next change of role misses it)
        Instant f0 = Instant.parse("2030-01-01T00:00:00Z");
        Instant afterF3 = Instant.parse("2034-01-01T00:00:00Z");
        fixture.given(created(LEGAL_ENTITY, "U", null, T0), position("Q", "U", false), position("S", "U", false),
                        position("P", "U", false), new PositionManagerRoleChangedEvent(TENANT, id("Q"), true, F1),
                        new PositionManagerRoleChangedEvent(TENANT, id("P"), true, F3), linesChanged("P", "S", afterF3))
                .when(new ChangeManagerRoleCommand(TENANT, id("P"), true, f0))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
    }

    @Test
    void seesAnImportsLaterBatchAsCreatedLater() {
        // D2 has no manager. Row 0, manager position A with a line to X, and row 1,000, manager position B, land in
        // two events: A is created first and manages D2 (not B, whose id is lower), so X reports to A and A to X
        UUID a = UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff");
        UUID b = UUID.fromString("00000000-0000-4000-8000-000000000001");
        List<ImportedPosition> rows = new ArrayList<>();
        rows.add(new ImportedPosition(a, id("D2"), "A", true, id("X"), null, null));
        for (int i = 1; i < ImportBatches.MAX_ROWS; i++) {
            rows.add(new ImportedPosition(UUID.randomUUID(), id("D1"), "filler", false, null, null, null));
        }
        rows.add(new ImportedPosition(b, id("D2"), "B", true, null, null, null));
        fixture.given(organization())
                .when(new ImportPositionsCommand(TENANT, UUID.randomUUID(), rows))
                .expectNoEvents()
                .expectException(importRefused(rowError(0, ErrorCode.CYCLE)));
    }

    /** LE with the CEO; D1 with its manager H and A; D2 with X and no manager; then {@code later}. */
    private static List<Object> organization(Object... later) {
        List<Object> events = new ArrayList<>(List.of(created(LEGAL_ENTITY, "LE", null, T0),
                created(DEPARTMENT, "D1", "LE", T0), created(DEPARTMENT, "D2", "LE", T0),
                position("CEO", "LE", true), position("H", "D1", true), position("A", "D1", false),
                position("X", "D2", false)));
        events.addAll(List.of(later));
        return events;
    }

    private static PositionCreatedEvent position(String code, String unit, boolean manager) {
        return new PositionCreatedEvent(TENANT, id(code), id(unit), code, manager, null, List.of());
    }

    private static ChangeReportingLinesCommand lines(String code, String reportsTo, Instant from) {
        return new ChangeReportingLinesCommand(TENANT, id(code), reportsTo == null ? null : id(reportsTo), List.of(), from);
    }

    private static PositionReportingLinesChangedEvent linesChanged(String code, String reportsTo, Instant from) {
        return new PositionReportingLinesChangedEvent(TENANT, id(code), reportsTo == null ? null : id(reportsTo),
                List.of(), from);
    }
}
