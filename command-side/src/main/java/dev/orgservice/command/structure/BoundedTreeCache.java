package dev.orgservice.command.structure;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.UnaryOperator;

/**
 * Keeps the most recently used trees in memory, strongly held, up to a total weight: a tree weighs one plus its
 * units and positions ({@link OrganizationTree#cacheWeight()}), so the bound follows memory rather than a count.
 * A count would not do for a multi-tenant service: 32 trees may be one 100k-unit tenant too many for the heap or
 * far too few small tenants (every command of the 33rd tenant then reloaded its tree: half of the command's CPU,
 * docs/benchmarks.md). The most recent tree stays even when it alone is over the bound.
 * <p>
 * Axon's {@code WeakReferenceCache} was measured first: any garbage collection dropped the tree, and reloading a
 * 100k-unit tree takes seconds. Stale trees of other instances are evicted by {@link TreeCacheFreshness}; a
 * failed unit of work evicts its tree through Axon's repository.
 */
public class BoundedTreeCache implements Cache {

    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();
    private final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Object, Long> weights = new HashMap<>();
    private final long maxWeight;
    private long weight;

    public BoundedTreeCache(long maxWeight) {
        this.maxWeight = maxWeight;
    }

    /**
     * The aggregate behind an entry Axon's caching repository stored, or null. An entry made in this JVM keeps
     * its aggregate, which {@code recreateAggregate} hands back as it is (the model and store are only needed
     * for an entry that was serialized).
     */
    static EventSourcedAggregate<?> aggregateOf(Object entry) {
        return entry instanceof AggregateCacheEntry<?> cached ? cached.recreateAggregate(null, null, null) : null;
    }

    private static long weightOf(Object entry) {
        EventSourcedAggregate<?> aggregate = aggregateOf(entry);
        return aggregate != null && aggregate.getAggregateRoot() instanceof OrganizationTree tree
                ? tree.cacheWeight() : 1;
    }

    /** Total weight of the trees held now. */
    synchronized long weight() {
        return weight;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, value);
        reweigh(key, value);
        evictOverWeight(key);
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            weight -= weights.remove(key);
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
        weights.clear();
        weight = 0;
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated = entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
        if (updated != null) {
            reweigh(key, updated);
            evictOverWeight(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void reweigh(Object key, Object value) {
        Long previous = weights.put(key, weightOf(value));
        weight += weights.get(key) - (previous == null ? 0 : previous);
    }

    /** Drops least recently used trees until the rest fit, never {@code keep} (the one just stored). */
    private void evictOverWeight(Object keep) {
        Iterator<Map.Entry<Object, Object>> eldest = entries.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            Object key = eldest.next().getKey();
            if (key.equals(keep)) {
                continue;
            }
            eldest.remove();
            weight -= weights.remove(key);
            listeners.forEach(listener -> listener.onEntryExpired(key));
        }
    }
}
