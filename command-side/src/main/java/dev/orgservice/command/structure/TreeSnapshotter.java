package dev.orgservice.command.structure;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Snapshots a tree from the copy this instance already holds instead of loading it again. Axon's snapshotter
 * reads the last snapshot and the events after it and replays them: for the 100k-unit benchmark tree that is
 * 1.3-1.5 s of CPU per snapshot, a fifth of the JVM's CPU while commands ran (docs/benchmarks.md). Here the
 * cached tree is serialized after the commit, while the committing command still holds the tree's lock (Axon
 * releases it when the unit of work cleans up), so no other command changes it meanwhile; the row is written on
 * a background thread. A tree that is not cached (a failed commit evicted it), or whose snapshot Axon asks for
 * only at cleanup (after a cold load, when the lock is released already), falls back to Axon's snapshotter.
 * <p>
 * Serializing costs in proportion to the tree (1-2 s for 100k units and 200k positions), so a big tree is not
 * snapshotted at every trigger: at least {@code eventsPerNode} events per node of the tree (its cache weight)
 * must have passed since this instance last snapshotted it. With 0.1, the 100k-unit benchmark tree is written
 * every 30,000 events instead of every 2,000, and the snapshots cost each command about 0.05 ms instead of
 * 0.75 ms, paid by every 2,000th command while holding the tree's lock; a cold load replays at most that many
 * small events after the snapshot. A tree this instance has not snapshotted yet (after a restart) is written
 * at its first trigger.
 */
public class TreeSnapshotter implements Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(TreeSnapshotter.class);

    private final Cache treeCache;
    private final Serializer snapshotSerializer;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final Executor writer;
    private final Snapshotter byReplay;
    private final SerializedObject<byte[]> noMetaData;
    private final double eventsPerNode;
    /** The version at which this instance last snapshotted each tree (one entry per tenant it has snapshotted). */
    private final Map<String, Long> snapshotVersions = new ConcurrentHashMap<>();

    public TreeSnapshotter(Cache treeCache, Serializer snapshotSerializer, EventStore eventStore,
                           TransactionManager transactions, Executor writer, Snapshotter byReplay,
                           double eventsPerNode) {
        this.treeCache = treeCache;
        this.snapshotSerializer = snapshotSerializer;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.writer = writer;
        this.byReplay = byReplay;
        this.noMetaData = snapshotSerializer.serialize(MetaData.emptyInstance(), byte[].class);
        this.eventsPerNode = eventsPerNode;
    }

    /**
     * The trees' snapshot triggers: every {@code threshold} events, each trigger counted as initialized from the start.
     * Axon marks a trigger initialized only once a tree is loaded from the store; the trigger of a tree created by this
     * instance stayed uninitialized for as long as the tree was cached, so each of its thresholds was asked for at
     * cleanup, after the lock, and the tree replayed from the store (found by a concurrency review, 2026-11-28). A
     * cold load past the threshold is now asked for before the commit too, and snapshotted from the cached tree.
     */
    public SnapshotTriggerDefinition triggers(int threshold) {
        SnapshotTriggerDefinition counting = new EventCountSnapshotTriggerDefinition(this, threshold);
        return new SnapshotTriggerDefinition() {
            @Override
            public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
                SnapshotTrigger trigger = counting.prepareTrigger(aggregateType);
                trigger.initializationFinished();
                return trigger;
            }

            @Override
            public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
                return counting.reconfigure(aggregateType, trigger);
            }
        };
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            byReplay.scheduleSnapshot(aggregateType, aggregateIdentifier);
        } else if (CurrentUnitOfWork.get().phase().isBefore(UnitOfWork.Phase.COMMIT)) {
            CurrentUnitOfWork.get().afterCommit(u -> snapshotCached(aggregateType, aggregateIdentifier));
        } else {
            // Axon asks at cleanup when the trigger fired while the tree was replayed from its events (a cold load
            // past the threshold). The tree's lock is released by then (cleanup handlers run in reverse order, and
            // the release was registered after the load), so the cached tree may be another command's, mid-change,
            // or hold a rolled-back one's events: the snapshot is made from the store instead, on its own thread.
            spaceFrom(aggregateIdentifier);
            byReplay.scheduleSnapshot(aggregateType, aggregateIdentifier);
        }
    }

    /** Counts the next snapshot's distance from the version the cached tree was at (read once, not the tree). */
    private void spaceFrom(String treeId) {
        EventSourcedAggregate<?> tree = BoundedTreeCache.aggregateOf(treeCache.get(treeId));
        Long version = tree == null ? null : tree.version();
        if (version != null) {
            snapshotVersions.put(treeId, version);
        }
    }

    private void snapshotCached(Class<?> aggregateType, String treeId) {
        EventSourcedAggregate<?> tree = BoundedTreeCache.aggregateOf(treeCache.get(treeId));
        if (tree == null || tree.version() == null || tree.isDeleted()) {
            byReplay.scheduleSnapshot(aggregateType, treeId);
            return;
        }
        long version = tree.version();
        Long previous = snapshotVersions.get(treeId);
        if (previous != null && tree.getAggregateRoot() instanceof OrganizationTree root
                && version - previous < root.cacheWeight() * eventsPerNode) {
            return;
        }
        snapshotVersions.put(treeId, version);
        // serialized now, under the tree's lock; stored later, by the writer
        SerializedObject<byte[]> state = snapshotSerializer.serialize(tree.getAggregateRoot(), byte[].class);
        DomainEventMessage<?> snapshot = new GenericDomainEventMessage<>(tree.type(), treeId, version,
                new SerializedMessage<>(IdentifierFactory.getInstance().generateIdentifier(), state, noMetaData,
                        snapshotSerializer), Instant.now());
        writer.execute(() -> {
            try {
                transactions.executeInTransaction(() -> eventStore.storeSnapshot(snapshot));
            } catch (RuntimeException e) {
                // a snapshot only shortens a cold load; the next one comes after the next threshold of events
                log.warn("Storing the snapshot of {} at sequence {} failed", treeId, snapshot.getSequenceNumber(), e);
            }
        });
    }
}
