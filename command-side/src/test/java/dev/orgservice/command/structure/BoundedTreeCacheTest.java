package dev.orgservice.command.structure;

import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.structure.UnitsImportedEvent;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedTreeCacheTest {

    @Test
    void keepsTheMostRecentlyUsedEntriesUpToItsWeight() {
        BoundedTreeCache cache = new BoundedTreeCache(2);
        cache.put("a", "tree a");
        cache.put("b", "tree b");
        assertThat((String) cache.get("a")).isEqualTo("tree a");
        cache.put("c", "tree c");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void weighsATreeByItsUnitsSoOneLargeTreeMakesRoomForItselfAndManySmallOnesFit() {
        BoundedTreeCache cache = new BoundedTreeCache(1_000);
        for (int i = 0; i < 100; i++) {
            cache.put("small-" + i, entry(tree(4)));
        }
        assertThat(cache.weight()).isEqualTo(100 * 5);
        assertThat(cache.containsKey("small-0")).as("100 small trees fit where a count of 32 held 32").isTrue();

        cache.put("large", entry(tree(800)));

        assertThat(cache.containsKey("large")).isTrue();
        assertThat(cache.weight()).isLessThanOrEqualTo(1_000);
        assertThat(cache.containsKey("small-0")).as("least recently used small trees made room").isFalse();
        assertThat(cache.containsKey("small-99")).isTrue();
    }

    @Test
    void keepsTheTreeJustStoredEvenWhenItAloneIsOverTheWeightAndReweighsItWhenItGrows() {
        BoundedTreeCache cache = new BoundedTreeCache(10);
        cache.put("other", entry(tree(2)));
        cache.put("large", entry(tree(50)));
        assertThat(cache.containsKey("large")).isTrue();
        assertThat(cache.containsKey("other")).isFalse();
        assertThat(cache.weight()).isEqualTo(51);

        cache.put("large", entry(tree(3)));
        assertThat(cache.weight()).isEqualTo(4);
        assertThat(cache.remove("large")).isTrue();
        assertThat(cache.weight()).isZero();
    }

    @Test
    void handsTheFreshnessCheckTheCachedTreeWithItsVersion() {
        AggregateCacheEntry<OrganizationTree> entry = entry(tree(3));
        EventSourcedAggregate<?> aggregate = BoundedTreeCache.aggregateOf(entry);
        assertThat(aggregate).isNotNull();
        assertThat(aggregate.getAggregateRoot()).isInstanceOf(OrganizationTree.class);
        assertThat(BoundedTreeCache.aggregateOf("not an entry")).isNull();
    }

    @Test
    void holdsTreesStronglyAcrossGarbageCollections() {
        BoundedTreeCache cache = new BoundedTreeCache(4);
        cache.put("a", new Object());
        System.gc();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.putIfAbsent("a", "x")).isTrue();
        assertThat(cache.putIfAbsent("a", "y")).isFalse();
    }

    /** A tree of {@code units} departments under one root, as its import event builds it. */
    private static OrganizationTree tree(int units) {
        UUID root = UUID.randomUUID();
        List<ImportedUnit> imported = new ArrayList<>();
        imported.add(new ImportedUnit(root, UnitType.LEGAL_ENTITY, "ROOT", "Root", null, null));
        for (int i = 1; i < units; i++) {
            imported.add(new ImportedUnit(UUID.randomUUID(), UnitType.DEPARTMENT, "D-" + i, "Department " + i, root,
                    null));
        }
        OrganizationTree tree = new OrganizationTree();
        tree.on(new UnitsImportedEvent(UUID.randomUUID(), UUID.randomUUID(), 1, 1, Instant.EPOCH, imported));
        return tree;
    }

    private static AggregateCacheEntry<OrganizationTree> entry(OrganizationTree tree) {
        return new AggregateCacheEntry<>(EventSourcedAggregate.initialize(tree,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(OrganizationTree.class), null,
                NoSnapshotTriggerDefinition.TRIGGER));
    }
}
