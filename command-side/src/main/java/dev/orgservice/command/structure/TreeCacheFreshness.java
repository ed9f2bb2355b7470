package dev.orgservice.command.structure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Keeps the cached trees honest when several command-side instances share the event store. Before a tree
 * command runs, the tree's last sequence number in the store is compared with the version of the cached tree;
 * if another instance appended since, the cached tree is evicted and reloaded. Without this a stale tree could
 * refuse a valid command (say, "unit not found") without ever touching the store's unique key.
 * One indexed lookup per command. Registered with the command bus by Axon's Spring Boot auto-configuration, as
 * every {@code MessageHandlerInterceptor} bean is (registering it by hand as well ran the lookup twice).
 */
@Component
public class TreeCacheFreshness implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final Cache treeCache;

    public TreeCacheFreshness(JdbcTemplate jdbc, @Qualifier("treeCache") Cache treeCache) {
        this.jdbc = jdbc;
        this.treeCache = treeCache;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof TreeCommand command) {
            String treeId = command.treeId();
            EventSourcedAggregate<?> cached = BoundedTreeCache.aggregateOf(treeCache.get(treeId));
            if (cached != null) {
                Long stored = jdbc.queryForObject("select max(sequence_number) from event_store.domain_event_entry "
                        + "where aggregate_identifier = ?", Long.class, treeId);
                if (!Objects.equals(stored, cached.version())) {
                    treeCache.remove(treeId);
                }
            }
        }
        return chain.proceed();
    }
}
