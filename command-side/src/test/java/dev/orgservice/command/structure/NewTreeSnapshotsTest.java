package dev.orgservice.command.structure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.command.tenant.TenantGuard;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.create;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a concurrency review: a tree that this instance CREATED and keeps cached was never snapshotted
 * from the cache. Axon only marks a snapshot trigger initialized after a load from the store
 * ({@code EventSourcedAggregate.initializeState}); a trigger made for a new aggregate
 * ({@code EventSourcingRepository.doCreateNewForLock}) stays uninitialized for as long as the aggregate is cached, so
 * every threshold crossing is scheduled at cleanup, after the tree's lock is released, and {@link TreeSnapshotter}
 * hands it to Axon's snapshotter, which replays the tree from the store (1.3-1.5 s of CPU for the benchmark tree),
 * without the events-per-node spacing. Real wiring: the Axon caching repository as Spring builds it for
 * {@code @Aggregate(cache = ..., snapshotTriggerDefinition = "treeSnapshotTrigger")}.
 */
class NewTreeSnapshotsTest {

    private static final int THRESHOLD = 3;

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
    private final BoundedTreeCache cache = new BoundedTreeCache(1_000);
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    /** The trees handed to Axon's snapshotter (a full replay from the store) instead of being written from the cache. */
    private final List<String> replayed = new ArrayList<>();
    private final TreeSnapshotter snapshotter = new TreeSnapshotter(cache, serializer, eventStore,
            NoTransactionManager.INSTANCE, Runnable::run, (type, id) -> replayed.add(id), 0.0);
    private final EventSourcingRepository<OrganizationTree> repository = EventSourcingRepository
            .builder(OrganizationTree.class).eventStore(eventStore).cache(cache)
            .snapshotTriggerDefinition(snapshotter.triggers(THRESHOLD)).build();
    private final TenantGuard tenants = tenantId -> new TenantGuard.PlanLimits("STANDARD", 5000, 20000, null);

    @Test
    void aTreeCreatedByThisInstanceIsSnapshottedFromItsCachedCopy() {
        send(create(UnitType.LEGAL_ENTITY, "ROOT", null, T0));
        for (int i = 1; i <= 2 * THRESHOLD; i++) {
            send(create(UnitType.DEPARTMENT, "D" + i, "ROOT", T0));
        }
        String treeId = OrganizationTree.idOf(StructureTestData.TENANT);
        assertThat(BoundedTreeCache.aggregateOf(cache.get(treeId)).version()).as("the tree stayed cached throughout")
                .isEqualTo(2L * THRESHOLD);

        assertThat(replayed).as("snapshots of the cached, just committed tree must not replay it from the store")
                .isEmpty();
        assertThat(storage.readSnapshot(treeId)).as("written from the cached tree").isPresent();
    }

    /** As Axon's AggregateAnnotationCommandHandler does for a CREATE_IF_MISSING handler: one unit of work each. */
    private void send(CreateUnitCommand command) {
        DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command)).execute(() -> {
            try {
                Aggregate<OrganizationTree> tree = repository.loadOrCreate(command.treeId(), OrganizationTree::new);
                tree.execute(root -> root.handle(command, tenants));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
