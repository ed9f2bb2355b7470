package dev.orgservice.command.structure;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the cached trees honest when several command-side instances share the event store. Before a tree
 * command runs, the tree's last sequence number in the store is compared with the last one this instance
 * saw; if another instance appended since, the cached tree is evicted and reloaded. Without this a stale
 * tree could refuse a valid command (say, "unit not found") without ever touching the store's unique key.
 * One indexed lookup per command.
 */
@Component
public class TreeCacheFreshness implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final Cache treeCache;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    public TreeCacheFreshness(JdbcTemplate jdbc, @Qualifier("treeCache") Cache treeCache) {
        this.jdbc = jdbc;
        this.treeCache = treeCache;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof TreeCommand command) {
            String treeId = command.treeId();
            Long stored = jdbc.queryForObject("select max(sequence_number) from event_store.domain_event_entry "
                    + "where aggregate_identifier = ?", Long.class, treeId);
            if (!Objects.equals(stored, lastSeen.get(treeId))) {
                treeCache.remove(treeId);
            }
            remember(treeId, stored);
            unitOfWork.afterCommit(u -> remember(treeId, jdbc.queryForObject("select max(sequence_number) from "
                    + "event_store.domain_event_entry where aggregate_identifier = ?", Long.class, treeId)));
        }
        return chain.proceed();
    }

    private void remember(String treeId, Long sequence) {
        if (sequence == null) {
            lastSeen.remove(treeId);
        } else {
            lastSeen.put(treeId, sequence);
        }
    }
}
