package dev.orgservice.command.structure;

import dev.orgservice.command.tenant.RegistryTenantGuard;
import dev.orgservice.command.tenant.RegistryTenantGuard.LockedRow;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The tree cache as the {@link OrganizationTree} repository sees it: a cached tree counts only while it is as new
 * as the event store, which keeps cached trees honest when several command-side instances share the store (a
 * stale tree could refuse a valid command, say "unit not found", without ever touching the store's unique key).
 * <p>
 * Axon's caching repository asks for the entry with the aggregate's lock held, after the previous command on the
 * tree has committed or rolled back, so a difference between the cached version and the stored one can only mean
 * that another instance appended: the entry is dropped and the repository loads the tree from the store. The
 * stored version comes with the tenant's registry row, which the command's handler locks and reads anyway
 * ({@link RegistryTenantGuard#lockWithTreeVersion}: one round trip), or, when the guard remembers that row, later
 * and at no round trip of its own ({@link DeferredStoreCheck}: at the append, or before a refusal or a no-op
 * counts). This check used to run in a command
 * interceptor, before the lock: it then raced with this instance's own concurrent commands on the tree (an
 * append prepared but not committed made the cached tree look newer than the store) and each such command
 * reloaded the whole tree, a second for 100k units (docs/benchmarks.md, seventh run).
 */
public class StoreCheckedTreeCache implements Cache {

    private final Cache trees;
    private final RegistryTenantGuard registry;
    private final DeferredStoreCheck deferred;

    public StoreCheckedTreeCache(Cache trees, RegistryTenantGuard registry, DeferredStoreCheck deferred) {
        this.trees = trees;
        this.registry = registry;
        this.deferred = deferred;
    }

    @Override
    public <K, V> V get(K key) {
        V entry = trees.get(key);
        TreeCommand command = treeCommandInProgress(key);
        if (entry == null || command == null) {
            return entry;
        }
        EventSourcedAggregate<?> cached = BoundedTreeCache.aggregateOf(entry);
        if (cached != null && deferred.trust(command, cached.version())) {
            return entry;
        }
        LockedRow stored = registry.lockWithTreeVersion(command.tenantId(), command.treeId());
        if (cached == null || stored == null || !Objects.equals(stored.treeVersion(), cached.version())) {
            trees.remove(key);
            return null;
        }
        return entry;
    }

    /** The command this thread is handling, when it is one on the tree stored under {@code key}. */
    private static TreeCommand treeCommandInProgress(Object key) {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage().getPayload() instanceof TreeCommand command
                && command.treeId().equals(key) ? command : null;
    }

    @Override
    public void put(Object key, Object value) {
        trees.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return trees.putIfAbsent(key, value);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return trees.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public boolean remove(Object key) {
        return trees.remove(key);
    }

    @Override
    public void removeAll() {
        trees.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return trees.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        trees.computeIfPresent(key, update);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return trees.registerCacheEntryListener(listener);
    }
}
