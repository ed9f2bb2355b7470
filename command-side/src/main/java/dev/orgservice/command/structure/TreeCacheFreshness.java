package dev.orgservice.command.structure;

import dev.orgservice.command.tenant.RegistryTenantGuard;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Keeps the cached trees honest when several command-side instances share the event store. Before a tree
 * command runs, the tree's last sequence number in the store is compared with the version of the cached tree;
 * if another instance appended since, the cached tree is evicted and reloaded. Without this a stale tree could
 * refuse a valid command (say, "unit not found") without ever touching the store's unique key.
 * One indexed lookup per command, in the same round trip as the tenant's registry row. Registered with the
 * command bus by Axon's Spring Boot auto-configuration, as every {@code MessageHandlerInterceptor} bean is
 * (registering it by hand as well ran the lookup twice).
 */
@Component
public class TreeCacheFreshness implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final RegistryTenantGuard registry;
    private final Cache treeCache;

    public TreeCacheFreshness(RegistryTenantGuard registry, @Qualifier("treeCache") Cache treeCache) {
        this.registry = registry;
        this.treeCache = treeCache;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof TreeCommand command) {
            String treeId = command.treeId();
            EventSourcedAggregate<?> cached = BoundedTreeCache.aggregateOf(treeCache.get(treeId));
            if (cached != null) {
                // with the tenant's registry row, which the command's handler locks and reads anyway
                Long stored = registry.lockWithTreeVersion(command.tenantId(), treeId);
                if (!Objects.equals(stored, cached.version())) {
                    treeCache.remove(treeId);
                }
            }
        }
        return chain.proceed();
    }
}
