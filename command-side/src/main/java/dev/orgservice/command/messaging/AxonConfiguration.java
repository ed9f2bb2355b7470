package dev.orgservice.command.messaging;

import dev.orgservice.command.structure.BoundedTreeCache;
import dev.orgservice.command.structure.DeferredStoreCheck;
import dev.orgservice.command.structure.StoreCheckedTreeCache;
import dev.orgservice.command.structure.TreeSnapshotter;
import dev.orgservice.command.tenant.RegistryTenantGuard;
import dev.orgservice.command.tenant.TenantRegistry;
import dev.orgservice.platform.eventstore.SnapshotSerialization;
import dev.orgservice.platform.eventstore.TokenTables;
import dev.orgservice.platform.web.CommandMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.MessageMonitorFactory;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

@Configuration
public class AxonConfiguration {

    /** Threads that run retried commands (see {@link #commandGateway}). */
    private static final int RETRY_THREADS = 4;

    /** Replaces Axon's MessageOriginProvider: events keep the request's correlation id, user, tenant and reason. */
    @Bean
    CorrelationDataProvider commandMetadataOnEvents() {
        return CommandMetadata.copiedToEvents();
    }

    /** Both aggregates' commands find their target through members looked up once per command class. */
    @Bean
    CommandTargetResolver cachedTargetResolver() {
        return new CachedTargetResolver();
    }

    /** A tenant has few events; a snapshot every 50 keeps loading it one read of a handful of rows. */
    @Bean
    SnapshotTriggerDefinition tenantSnapshotTrigger(Snapshotter snapshotter,
                                                    @Value("${org.snapshots.tenant-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * A tenant's tree is big (up to 100k units): loading it from events per command is not an option. Snapshots
     * bound a cold load; the cache keeps the tree in memory between commands (evicted on a failed append, so a
     * conflict with another instance reloads the current state).
     */
    @Bean
    SnapshotTriggerDefinition treeSnapshotTrigger(@Qualifier("treeCache") Cache treeCache,
                                                  SnapshotSerialization snapshots,
                                                  EventStore eventStore, TransactionManager transactionManager,
                                                  Snapshotter snapshotter,
                                                  @Value("${org.snapshots.tree-threshold:2000}") int threshold,
                                                  @Value("${org.snapshots.tree-events-per-node:0.1}") double perNode) {
        var fromCache = new TreeSnapshotter(treeCache, snapshots.serializer(), eventStore, transactionManager,
                Executors.newSingleThreadExecutor(daemon("tree-snapshot-writer")), snapshotter, perNode);
        return fromCache.triggers(threshold);
    }

    /** Tokens of the command side's own tracking processors (the Kafka publisher). */
    @Bean
    TokenSchema tokenSchema() {
        return TokenTables.schema("event_store.token_entry");
    }

    @Bean
    Cache treeCache(@Value("${org.cache.tree-nodes:500000}") long nodes) {
        return new BoundedTreeCache(nodes);
    }

    /** The trees as the OrganizationTree repository sees them: each checked against the store under its lock. */
    @Bean
    Cache storeCheckedTreeCache(@Qualifier("treeCache") Cache treeCache, RegistryTenantGuard registry,
                                DeferredStoreCheck deferred) {
        return new StoreCheckedTreeCache(treeCache, registry, deferred);
    }

    /**
     * Snapshots are taken after the commit on a background thread, not in the request that crossed the
     * threshold: a 100k-unit tree takes seconds to snapshot (docs/benchmarks.md).
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(daemon("snapshotter")))
                .build();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Several command-side instances share one event store but not Axon's per-JVM aggregate lock: two appends
     * of the same sequence number collide on the store's unique key. The loser's cached aggregate is evicted
     * and the command retried on fresh state. A broken rule ({@code OrgException}, non-transient) is never
     * retried; conflicts and transient infrastructure failures are, three times at most. A retry runs on the
     * scheduler's thread (the request thread waits for it): several, so that one retry reloading a big tree after
     * its conflict (seconds) does not hold up every other tenant's.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        var retries = IntervalRetryScheduler.builder()
                .retryExecutor(new LogContextRetries(RETRY_THREADS, daemon("command-retry")))
                .retryInterval(25)
                .maxRetryCount(3)
                .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
    }

    /**
     * No Axon monitors where they would only measure a command again: on the command bus ({@code org_commands}
     * counts and times every command by type and outcome, {@link CommandMetrics}) and on the tenant-registry
     * processor, which runs inside the command's own unit of work. Their counter lookups, timers and capacity
     * gauges per command were 3-4% of a request thread's CPU across tenants (docs/benchmarks.md, tenth run). The
     * event store's and the tracking processors' monitors stay.
     */
    @Bean
    ConfigurerModule noMonitorsInsideTheCommand() {
        MessageMonitorFactory none = (configuration, componentType, componentName) -> NoOpMessageMonitor.INSTANCE;
        return configurer -> configurer.configureMessageMonitor(CommandBus.class, none)
                .configureMessageMonitor(EventProcessor.class, TenantRegistry.PROCESSING_GROUP, none);
    }

    @Bean
    SmartInitializingSingleton measureCommands(CommandBus commandBus, MeterRegistry meters) {
        return () -> commandBus.registerHandlerInterceptor(new CommandMetrics(meters));
    }
}
