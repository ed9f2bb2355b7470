package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.UnitsImportedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.OrgErrors.orgError;
import static dev.orgservice.command.structure.ImportRefusals.importRefused;
import static dev.orgservice.command.structure.ImportRefusals.rowError;
import static dev.orgservice.command.structure.StructureTestData.SwitchableTenantGuard;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.T1;
import static dev.orgservice.command.structure.StructureTestData.T2;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.create;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;
import static dev.orgservice.command.structure.StructureTestData.imported;
import static dev.orgservice.command.structure.StructureTestData.move;
import static dev.orgservice.command.structure.StructureTestData.moved;
import static dev.orgservice.command.structure.StructureTestData.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The depth rule: no unit sits more than {@link UnitDepths#MAX} levels below its root, at any date, however it gets
 * there (created, imported, or its subtree moved), including through changes scheduled for later.
 */
class UnitDepthTest {

    private static final int MAX = UnitDepths.MAX;

    private final SwitchableTenantGuard tenants = new SwitchableTenantGuard();
    private final FixtureConfiguration<OrganizationTree> fixture = StructureTestData.fixture(tenants);

    @Test
    void createsAUnitAtTheDeepestLevelAndRefusesOneBelowIt() {
        fixture.given(chain(MAX - 1))
                .when(create(DEPARTMENT, "NEW", level(MAX - 1), T1))
                .expectEvents(created(DEPARTMENT, "NEW", level(MAX - 1), T1));
        fixture.given(chain(MAX))
                .when(create(DEPARTMENT, "NEW", level(MAX), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION, Map.of("maxDepth", MAX)));
    }

    @Test
    void refusesAChildThatOnlyAScheduledMoveOfItsParentWouldTakeTooDeep() {
        // S sits at depth 1 until T2, then at depth MAX under the chain's last unit: a child of S would be MAX + 1
        List<Object> given = chain(MAX - 1);
        given.add(created(DEPARTMENT, "S", level(0), T0));
        given.add(moved("S", level(0), level(MAX - 1), T2));
        fixture.given(given)
                .when(create(DEPARTMENT, "NEW", "S", T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void refusesAMoveThatTakesTheMovedSubtreeTooDeepAndMovesItsLowerPart() {
        // B1 > B2 > B3 > B4 under the root: B1's subtree is 3 levels deep, B2's 2
        List<Object> given = chain(MAX - 3);
        given.addAll(branch(level(0), "B1", "B2", "B3", "B4"));
        fixture.given(given)
                .when(move("B1", level(MAX - 3), T1)) // B1 at MAX - 2, B4 at MAX + 1
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
        fixture.given(given)
                .when(move("B2", level(MAX - 3), T1)) // B2 at MAX - 2, B4 at MAX
                .expectEvents(moved("B2", "B1", level(MAX - 3), T1));
    }

    @Test
    void refusesAMoveWhoseSubtreeOnlyGrowsTooDeepOnceAScheduledChildIsCreated() {
        // B3 gets a child C at T2: moving B1 under the chain's end fits at T1 but not from T2 on
        List<Object> given = chain(MAX - 3);
        given.addAll(branch(level(0), "B1", "B2", "B3"));
        fixture.given(given)
                .when(move("B1", level(MAX - 3), T1)) // B3 at MAX
                .expectEvents(moved("B1", level(0), level(MAX - 3), T1));
        given.add(created(DEPARTMENT, "C", "B3", T2));
        fixture.given(given)
                .when(move("B1", level(MAX - 3), T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void movesADeepSubtreeUpwards() {
        fixture.given(chain(MAX))
                .when(move(level(MAX - 2), level(0), T1))
                .expectEvents(moved(level(MAX - 2), level(MAX - 3), level(0), T1));
    }

    @Test
    void refusesImportRowsThatWouldSitTooDeepEachByItsRow() {
        fixture.given(chain(MAX - 1))
                .when(new ImportUnitsCommand(TENANT, id("IMPORT"), T1, List.of(
                        row(DEPARTMENT, "I1", level(MAX - 1)), // depth MAX: fits
                        row(DEPARTMENT, "I2", "I1"), // MAX + 1
                        row(DEPARTMENT, "I3", level(MAX - 2)))))
                .expectNoEvents()
                .expectException(importRefused(rowError(1, ErrorCode.RULE_VIOLATION)));
        fixture.given(chain(MAX - 2))
                .when(new ImportUnitsCommand(TENANT, id("IMPORT"), T1, List.of(
                        row(DEPARTMENT, "I1", level(MAX - 2)), row(DEPARTMENT, "I2", "I1"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitsImportedEvent(TENANT, id("IMPORT"), 1, 1, T1,
                        List.of(imported(DEPARTMENT, "I1", level(MAX - 2)), imported(DEPARTMENT, "I2", "I1"))));
    }

    @Test
    void keepsItsChildrenIndexAsUnitsAreAddedAndMovedAfterItWasBuilt() {
        Map<UUID, UnitNode> units = new HashMap<>();
        UnitDepths depths = new UnitDepths(units);
        units.put(id("R"), new UnitNode(LEGAL_ENTITY, "R", null, T0, 0));
        units.put(id("A"), new UnitNode(DEPARTMENT, "A", id("R"), T0, 0));
        units.put(id("B"), new UnitNode(DEPARTMENT, "B", id("R"), T0, 0));
        assertThat(depths.subtreeWithin(id("R"), T1, 1)).isTrue(); // builds the index

        units.put(id("C"), new UnitNode(DEPARTMENT, "C", id("A"), T0, 0));
        depths.added(id("C"), id("A"));
        assertThat(depths.subtreeWithin(id("R"), T1, 1)).isFalse();

        units.get(id("A")).moveFrom(T2, id("B"));
        depths.moved(id("A"), id("B"));
        assertThat(depths.subtreeWithin(id("B"), T1, 0)).isTrue();
        assertThat(depths.subtreeWithin(id("B"), T2, 1)).isFalse();
        assertThat(depths.subtreeWithin(id("B"), T2, 2)).isTrue();
        assertThat(depths.depthAt(id("C"), T1)).isEqualTo(2);
        assertThat(depths.depthAt(id("C"), T2)).isEqualTo(3);
    }

    /** The code of the chain's unit at this depth. */
    private static String level(int depth) {
        return "L" + depth;
    }

    /** A root legal entity L0 and a department under each unit down to depth {@code deepest}, all from T0. */
    private static List<Object> chain(int deepest) {
        List<Object> events = new ArrayList<>();
        events.add(created(LEGAL_ENTITY, level(0), null, T0));
        for (int depth = 1; depth <= deepest; depth++) {
            events.add(created(DEPARTMENT, level(depth), level(depth - 1), T0));
        }
        return events;
    }

    /** Departments each under the one before, the first under {@code parent}, all from T0. */
    private static List<Object> branch(String parent, String... codes) {
        List<Object> events = new ArrayList<>();
        String above = parent;
        for (String code : codes) {
            events.add(created(DEPARTMENT, code, above, T0));
            above = code;
        }
        return events;
    }
}
