package dev.orgservice.command.messaging;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AxonConfiguration {

    /** Replaces Axon's MessageOriginProvider: events keep the request's correlation id, user, tenant and reason. */
    @Bean
    CorrelationDataProvider commandMetadataOnEvents() {
        return CommandMetadata.copiedToEvents();
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
    SnapshotTriggerDefinition treeSnapshotTrigger(Snapshotter snapshotter,
                                                  @Value("${org.snapshots.tree-threshold:500}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    Cache treeCache() {
        return new WeakReferenceCache();
    }

    @Bean
    SmartInitializingSingleton recordAppendedEvents(EventStore eventStore, AppendedEvents appendedEvents) {
        return () -> eventStore.registerDispatchInterceptor(appendedEvents);
    }
}
