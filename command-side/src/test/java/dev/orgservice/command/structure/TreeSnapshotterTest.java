package dev.orgservice.command.structure;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.orgservice.command.structure.StructureTestData.importedTree;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot is made from the cached tree, after the commit, at the cached version, and Axon's snapshotter
 * (which would reload the tree from the store) is only asked when the tree is not cached. The store here is
 * Axon's in-memory engine: what matters is the message handed to it; {@code TreeSnapshotTest} writes one to
 * PostgreSQL and loads the tree from it.
 */
class TreeSnapshotterTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final BoundedTreeCache cache = new BoundedTreeCache(1_000);
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    private final List<String> reloaded = new ArrayList<>();
    private final TreeSnapshotter snapshotter = new TreeSnapshotter(cache, serializer,
            EmbeddedEventStore.builder().storageEngine(storage).build(), NoTransactionManager.INSTANCE, Runnable::run,
            (type, id) -> reloaded.add(id), 1.0);

    @Test
    void snapshotsTheCachedTreeAfterTheCommitAtItsVersion() {
        cache.put("org-tree-1", new AggregateCacheEntry<>(tree(12, 41)));

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        snapshotter.scheduleSnapshot(OrganizationTree.class, "org-tree-1");
        assertThat(storage.readSnapshot("org-tree-1")).as("nothing before the commit").isEmpty();
        unitOfWork.commit();

        DomainEventMessage<?> snapshot = storage.readSnapshot("org-tree-1").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(41);
        assertThat(snapshot.getAggregateIdentifier()).isEqualTo("org-tree-1");
        assertThat(snapshot.getType()).isEqualTo("OrganizationTree");
        assertThat(((OrganizationTree) snapshot.getPayload()).cacheWeight()).as("the 12 units came back").isEqualTo(13);
        assertThat(reloaded).isEmpty();
    }

    /** Weight 13 (12 units and the tree) at one event per node: at most one snapshot per 13 events. */
    @Test
    void snapshotsABigTreeAgainOnlyAfterEventsInProportionToItsSize() {
        snapshotAt(41);
        snapshotAt(53);
        assertThat(storage.readSnapshot("org-tree-1").orElseThrow().getSequenceNumber())
                .as("12 events later: too soon for 13 nodes").isEqualTo(41);
        snapshotAt(54);
        assertThat(storage.readSnapshot("org-tree-1").orElseThrow().getSequenceNumber()).isEqualTo(54);
    }

    private void snapshotAt(long version) {
        cache.put("org-tree-1", new AggregateCacheEntry<>(tree(12, version)));
        DefaultUnitOfWork.startAndGet(new GenericMessage<>("command")).execute(
                () -> snapshotter.scheduleSnapshot(OrganizationTree.class, "org-tree-1"));
    }

    /**
     * Axon asks at cleanup when the trigger fired during a cold load; the tree's lock is released by then and the
     * cached tree may be the next command's, so it is not serialized: Axon's snapshotter reads the store.
     */
    @Test
    void leavesASnapshotAskedForAtCleanupToAxonsSnapshotter() {
        cache.put("org-tree-1", new AggregateCacheEntry<>(tree(12, 41)));

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        unitOfWork.onCleanup(u -> snapshotter.scheduleSnapshot(OrganizationTree.class, "org-tree-1"));
        unitOfWork.commit();

        assertThat(storage.readSnapshot("org-tree-1")).as("not from the cached tree").isEmpty();
        assertThat(reloaded).containsExactly("org-tree-1");
        snapshotAt(45);
        assertThat(storage.readSnapshot("org-tree-1")).as("spaced from the cold load's version").isEmpty();
        snapshotAt(54);
        assertThat(storage.readSnapshot("org-tree-1").orElseThrow().getSequenceNumber()).isEqualTo(54);
    }

    @Test
    void leavesATreeThatIsNotCachedToAxonsSnapshotter() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("command"));
        snapshotter.scheduleSnapshot(OrganizationTree.class, "org-tree-2");
        unitOfWork.commit();

        assertThat(storage.readSnapshot("org-tree-2")).isEmpty();
        assertThat(reloaded).containsExactly("org-tree-2");
    }

    private static EventSourcedAggregate<OrganizationTree> tree(int units, long version) {
        return EventSourcedAggregate.reconstruct(importedTree(units),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(OrganizationTree.class), version, false, null,
                NoSnapshotTriggerDefinition.TRIGGER);
    }
}
