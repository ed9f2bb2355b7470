package dev.orgservice.command.structure;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
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
import java.util.concurrent.Executor;

/**
 * Snapshots a tree from the copy this instance already holds instead of loading it again. Axon's snapshotter
 * reads the last snapshot and the events after it and replays them: for the 100k-unit benchmark tree that is
 * 1.3-1.5 s of CPU per snapshot, a fifth of the JVM's CPU while commands ran (docs/benchmarks.md). Here the
 * cached tree is serialized after the commit, while the committing command still holds the tree's lock (Axon
 * releases it when the unit of work cleans up), so no other command changes it meanwhile; the row is written on
 * a background thread. A tree that is not cached (a failed commit evicted it) falls back to Axon's snapshotter.
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

    public TreeSnapshotter(Cache treeCache, Serializer snapshotSerializer, EventStore eventStore,
                           TransactionManager transactions, Executor writer, Snapshotter byReplay) {
        this.treeCache = treeCache;
        this.snapshotSerializer = snapshotSerializer;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.writer = writer;
        this.byReplay = byReplay;
        this.noMetaData = snapshotSerializer.serialize(MetaData.emptyInstance(), byte[].class);
    }

    @Override
    public void scheduleSnapshot(Class<?> aggregateType, String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            byReplay.scheduleSnapshot(aggregateType, aggregateIdentifier);
        } else if (CurrentUnitOfWork.get().phase().isBefore(UnitOfWork.Phase.COMMIT)) {
            CurrentUnitOfWork.get().afterCommit(u -> snapshotCached(aggregateType, aggregateIdentifier));
        } else {
            snapshotCached(aggregateType, aggregateIdentifier);
        }
    }

    private void snapshotCached(Class<?> aggregateType, String treeId) {
        EventSourcedAggregate<?> tree = BoundedTreeCache.aggregateOf(treeCache.get(treeId));
        if (tree == null || tree.version() == null || tree.isDeleted()) {
            byReplay.scheduleSnapshot(aggregateType, treeId);
            return;
        }
        // serialized now, under the tree's lock; stored later, by the writer
        SerializedObject<byte[]> state = snapshotSerializer.serialize(tree.getAggregateRoot(), byte[].class);
        DomainEventMessage<?> snapshot = new GenericDomainEventMessage<>(tree.type(), treeId, tree.version(),
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
