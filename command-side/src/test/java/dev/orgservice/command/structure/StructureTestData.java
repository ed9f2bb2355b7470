package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.structure.UnitReopenedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.structure.UnitsImportedEvent;
import dev.orgservice.command.tenant.TenantGuard;
import dev.orgservice.platform.problem.OrgException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Shared test data for the organization tree: one tenant, a few fixed effective instants, and units named by
 * their code (a unit's id is derived from its code, so {@code id("D1")} is the unit created with code D1).
 */
final class StructureTestData {

    static final UUID TENANT = UUID.fromString("7d1c6f0e-0b3a-4c55-9a39-1f2e3d4c5b6a");

    /** When the tree of a test is built. */
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** "Now" for most commands. */
    static final Instant T1 = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant T3 = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant T4 = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant T5 = Instant.parse("2026-06-01T00:00:00Z");

    static final int STANDARD_MAX_UNITS = 5000;

    private StructureTestData() {
    }

    /** The id of the unit with this code. */
    static UUID id(String code) {
        return UUID.nameUUIDFromBytes(("unit:" + code).getBytes(StandardCharsets.UTF_8));
    }

    static String name(String code) {
        return "Unit " + code;
    }

    private static UUID idOrNull(String code) {
        return code == null ? null : id(code);
    }

    // ---- events ------------------------------------------------------------------------------------------

    /** A unit without details; {@code parentCode} null for a root. */
    static UnitCreatedEvent created(UnitType type, String code, String parentCode, Instant at) {
        return created(type, code, parentCode, at, UnitDetails.NONE);
    }

    static UnitCreatedEvent created(UnitType type, String code, String parentCode, Instant at, UnitDetails details) {
        return new UnitCreatedEvent(TENANT, id(code), type, code, name(code), idOrNull(parentCode), at, details);
    }

    static UnitMovedEvent moved(String code, String fromParentCode, String toParentCode, Instant at) {
        return new UnitMovedEvent(TENANT, id(code), idOrNull(fromParentCode), idOrNull(toParentCode), at);
    }

    static UnitClosedEvent closed(String code, Instant at) {
        return new UnitClosedEvent(TENANT, id(code), at);
    }

    static UnitReopenedEvent reopened(String code, Instant at) {
        return new UnitReopenedEvent(TENANT, id(code), at);
    }

    // ---- commands ----------------------------------------------------------------------------------------

    /** Creating a unit without details: what {@link #created(UnitType, String, String, Instant)} records. */
    static CreateUnitCommand create(UnitType type, String code, String parentCode, Instant at) {
        return create(type, code, parentCode, at, null);
    }

    static CreateUnitCommand create(UnitType type, String code, String parentCode, Instant at, UnitDetails details) {
        return new CreateUnitCommand(TENANT, id(code), type, code, name(code), idOrNull(parentCode), at, details);
    }

    static MoveUnitCommand move(String code, String newParentCode, Instant at) {
        return new MoveUnitCommand(TENANT, id(code), idOrNull(newParentCode), at);
    }

    static CloseUnitCommand close(String code, Instant at) {
        return new CloseUnitCommand(TENANT, id(code), at);
    }

    static ReopenUnitCommand reopen(String code, Instant at) {
        return new ReopenUnitCommand(TENANT, id(code), at);
    }

    // ---- import ------------------------------------------------------------------------------------------

    /** A row naming its parent by code ({@code null} for a root). */
    static ImportUnitsCommand.Row row(UnitType type, String code, String parentCode) {
        return new ImportUnitsCommand.Row(id(code), type, code, name(code), null, parentCode, null);
    }

    /** A row naming its parent by id. */
    static ImportUnitsCommand.Row rowUnder(UnitType type, String code, UUID parentId) {
        return new ImportUnitsCommand.Row(id(code), type, code, name(code), parentId, null, null);
    }

    /** What the import records for a unit without details whose parent resolved to the unit with that code. */
    static ImportedUnit imported(UnitType type, String code, String parentCode) {
        return imported(type, code, parentCode, UnitDetails.NONE);
    }

    static ImportedUnit imported(UnitType type, String code, String parentCode, UnitDetails details) {
        return new ImportedUnit(id(code), type, code, name(code), idOrNull(parentCode), details);
    }

    // ---- details -----------------------------------------------------------------------------------------

    static UnitDetails costCenter(UUID costCenterId) {
        return new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null,
                costCenterId, null);
    }

    static UnitDetails profitCenter(UUID profitCenterId) {
        return new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null,
                null, profitCenterId);
    }

    /** A cost or profit center's validity, ending at {@code end}. */
    static UnitDetails validTo(Instant end) {
        return new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, end, null, null);
    }

    /** A given/when/then fixture of the tree, whose commands ask {@code tenants} for the tenant's state. */
    static FixtureConfiguration<OrganizationTree> fixture(TenantGuard tenants) {
        FixtureConfiguration<OrganizationTree> fixture = new AggregateTestFixture<>(OrganizationTree.class);
        fixture.registerInjectableResource(tenants);
        return fixture;
    }

    // ---- tenant guard ------------------------------------------------------------------------------------

    /** Stands in for the registry: an active STANDARD tenant, whose limits and suspension a test can set. */
    static final class SwitchableTenantGuard implements TenantGuard {

        private int maxUnits = STANDARD_MAX_UNITS;
        private int maxPositions = 20000;
        private boolean suspended;
        private final Set<String> features = new HashSet<>(Set.of("bulk-import", "advanced-approvals"));

        @Override
        public PlanLimits requireActive(UUID tenantId) {
            if (suspended) {
                throw new OrgException(ErrorCode.TENANT_SUSPENDED, "Tenant " + tenantId + " is suspended",
                        Map.of("tenantId", tenantId));
            }
            return new PlanLimits("STANDARD", maxUnits, maxPositions, Set.copyOf(features));
        }

        void allowUnits(int maxUnits) {
            this.maxUnits = maxUnits;
        }

        void allowPositions(int maxPositions) {
            this.maxPositions = maxPositions;
        }

        void suspend() {
            suspended = true;
        }

        void disable(String feature) {
            features.remove(feature);
        }
    }

    /** A tree of {@code units} departments under one root, as one import event builds it (no aggregate around it). */
    static OrganizationTree importedTree(int units) {
        UUID root = UUID.randomUUID();
        List<ImportedUnit> imported = new ArrayList<>();
        imported.add(new ImportedUnit(root, UnitType.LEGAL_ENTITY, "ROOT", "Root", null, null));
        for (int i = 1; i < units; i++) {
            imported.add(new ImportedUnit(UUID.randomUUID(), UnitType.DEPARTMENT, "D-" + i, "Department " + i, root,
                    null));
        }
        OrganizationTree tree = new OrganizationTree();
        tree.on(new UnitsImportedEvent(UUID.randomUUID(), UUID.randomUUID(), 1, 1, Instant.EPOCH, imported), 0);
        return tree;
    }
}
