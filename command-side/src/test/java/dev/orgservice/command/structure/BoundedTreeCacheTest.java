package dev.orgservice.command.structure;

import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;


import static dev.orgservice.command.structure.StructureTestData.importedTree;
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
            cache.put("small-" + i, entry(importedTree(4)));
        }
        assertThat(cache.weight()).isEqualTo(100 * 5);
        assertThat(cache.containsKey("small-0")).as("100 small trees fit where a count of 32 held 32").isTrue();

        cache.put("large", entry(importedTree(800)));

        assertThat(cache.containsKey("large")).isTrue();
        assertThat(cache.weight()).isLessThanOrEqualTo(1_000);
        assertThat(cache.containsKey("small-0")).as("least recently used small trees made room").isFalse();
        assertThat(cache.containsKey("small-99")).isTrue();
    }

    @Test
    void keepsTheTreeJustStoredEvenWhenItAloneIsOverTheWeightAndReweighsItWhenItGrows() {
        BoundedTreeCache cache = new BoundedTreeCache(10);
        cache.put("other", entry(importedTree(2)));
        cache.put("large", entry(importedTree(50)));
        assertThat(cache.containsKey("large")).isTrue();
        assertThat(cache.containsKey("other")).isFalse();
        assertThat(cache.weight()).isEqualTo(51);

        cache.put("large", entry(importedTree(3)));
        assertThat(cache.weight()).isEqualTo(4);
        assertThat(cache.remove("large")).isTrue();
        assertThat(cache.weight()).isZero();
    }

    @Test
    void handsTheFreshnessCheckTheCachedTreeWithItsVersion() {
        AggregateCacheEntry<OrganizationTree> entry = entry(importedTree(3));
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

    private static AggregateCacheEntry<OrganizationTree> entry(OrganizationTree tree) {
        return new AggregateCacheEntry<>(EventSourcedAggregate.initialize(tree,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(OrganizationTree.class), null,
                NoSnapshotTriggerDefinition.TRIGGER));
    }
}
