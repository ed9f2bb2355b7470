package dev.orgservice.query.structure;

import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.query.structure.UnitExport.ExportedUnit;
import dev.orgservice.query.structure.UnitExport.Stored;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On random trees with departments assigned random centers: each unit after its parent and its centers, all once. */
class UnitExportOrderTest {

    private static final Random SEEDS = new Random(29);

    @RepeatedTest(20)
    void everyUnitComesAfterItsParentAndItsCenters() {
        Random random = new Random(SEEDS.nextLong());
        List<Stored> units = new ArrayList<>();
        List<Stored> costCenters = new ArrayList<>();
        List<Stored> profitCenters = new ArrayList<>();
        units.add(new Stored(UUID.randomUUID(), UnitType.LEGAL_ENTITY, "ROOT", "Root", null, UnitDetails.NONE));
        for (int i = 0; i < 2_000; i++) {
            Stored parent = units.get(random.nextInt(units.size()));
            UnitType type = UnitType.values()[random.nextInt(UnitType.values().length)];
            UnitDetails details = UnitDetails.NONE;
            if (type == UnitType.DEPARTMENT && !costCenters.isEmpty() && random.nextBoolean()) {
                details = new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null,
                        costCenters.get(random.nextInt(costCenters.size())).unitId(),
                        profitCenters.isEmpty() ? null : profitCenters.get(random.nextInt(profitCenters.size())).unitId());
            }
            Stored unit = new Stored(UUID.randomUUID(), type, "U" + random.nextInt(1_000_000) + "-" + i, "Unit", parent.unitId(),
                    details);
            units.add(unit);
            if (type == UnitType.COST_CENTER) {
                costCenters.add(unit);
            } else if (type == UnitType.PROFIT_CENTER) {
                profitCenters.add(unit);
            }
        }
        Collections.shuffle(units, random);

        List<ExportedUnit> ordered = UnitExport.inImportOrder(units);

        assertThat(ordered).hasSameSizeAs(units);
        Set<String> out = new HashSet<>();
        for (ExportedUnit unit : ordered) {
            for (String reference : new String[]{unit.parentCode(), unit.costCenterCode(), unit.profitCenterCode()}) {
                assertThat(reference == null || out.contains(reference)).as("%s names %s before it", unit.code(), reference)
                        .isTrue();
            }
            assertThat(out.add(unit.code())).isTrue();
        }
    }
}
