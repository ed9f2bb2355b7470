package dev.orgservice.command.structure;

import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionsImportedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;

/**
 * Which of two manager positions imported in two batches manages their unit must not depend on how the tree was
 * loaded (found by a review, 2026-11-28). Live, the loop rule takes the later batch as created later and accepts rows
 * [A (manager of D2), 999 others, B (manager of D2, line to X)]: A manages D2. Loaded again from the event store,
 * whose timestamps carry milliseconds (both batch events of one command often share one), the tree took A and B as
 * created at the same instant, let the lower id (B) manage D2 and found its own loop X -> B -> X: a harmless change of
 * X's dotted lines was refused as a cycle. {@code PositionCreation} now gives both the same instants.
 */
class ImportBatchesReloadTest {

    private static final UUID A = UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-000000000001");

    private final FixtureConfiguration<OrganizationTree> fixture =
            StructureTestData.fixture(new StructureTestData.SwitchableTenantGuard());

    @Test
    void theLiveTreeAcceptsTheImportSeeingAAsD2sManager() {
        fixture.given(organization())
                .when(new ImportPositionsCommand(TENANT, UUID.randomUUID(), rows()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theTreeLoadedFromTheStoreStillSeesAAsD2sManager() {
        // the same import as recorded (one event per batch), given as the store hands it back: then a dotted line
        // for X, which changes nobody's chain
        List<List<ImportedPosition>> batches = ImportBatches.split(rows());
        fixture.given(organization(
                        new PositionsImportedEvent(TENANT, UUID.randomUUID(), 1, 2, batches.get(0)),
                        new PositionsImportedEvent(TENANT, UUID.randomUUID(), 2, 2, batches.get(1))))
                .when(new ChangeReportingLinesCommand(TENANT, id("X"), null, List.of(id("CEO")), java.time.Instant.parse("2031-01-01T00:00:00Z")))
                .expectEvents(new PositionReportingLinesChangedEvent(TENANT, id("X"), null, List.of(id("CEO")),
                        java.time.Instant.parse("2031-01-01T00:00:00Z")));
    }

    private static List<ImportedPosition> rows() {
        List<ImportedPosition> rows = new ArrayList<>();
        rows.add(new ImportedPosition(A, id("D2"), "A", true, null, null, null));
        for (int i = 1; i < ImportBatches.MAX_ROWS; i++) {
            rows.add(new ImportedPosition(UUID.randomUUID(), id("LE"), "filler", false, null, null, null));
        }
        rows.add(new ImportedPosition(B, id("D2"), "B", true, id("X"), null, null));
        return rows;
    }

    private static List<Object> organization(Object... later) {
        List<Object> events = new ArrayList<>(List.of(created(LEGAL_ENTITY, "LE", null, T0),
                created(DEPARTMENT, "D2", "LE", T0),
                new PositionCreatedEvent(TENANT, id("CEO"), id("LE"), "CEO", true, null, List.of()),
                new PositionCreatedEvent(TENANT, id("X"), id("D2"), "X", false, null, List.of())));
        events.addAll(List.of(later));
        return events;
    }
}
