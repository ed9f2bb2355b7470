package dev.orgservice.command.structure;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;

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
 * 100k-unit tree takes seconds. Stale trees of other instances are evicted by {@link StoreCheckedTreeCache}; a
 * failed unit of work evicts its tree through Axon's repository.
 */
public class BoundedTreeCache implements Cache {

    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();
    /** Least recently used first; each value with the weight it had when stored. */
    private final LinkedHashMap<Object, Held> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final long maxWeight;
    private long weight;

    private record Held(Object value, long weight) {

        Held(Object value) {
            this(value, weightOf(value));
        }
    }

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
        Held held = entries.get(key);
        return held == null ? null : (V) held.value();
    }

    @Override
    public synchronized void put(Object key, Object value) {
        store(key, new Held(value));
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
        Held removed = entries.remove(key);
        if (removed == null) {
            return false;
        }
        weight -= removed.weight();
        listeners.forEach(listener -> listener.onEntryRemoved(key));
        return true;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
        weight = 0;
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Held held = entries.get(key);
        if (held == null) {
            return;
        }
        Object updated = update.apply((V) held.value());
        if (updated == null) {
            // as Map.computeIfPresent: a null update removes the entry
            entries.remove(key);
            weight -= held.weight();
        } else {
            store(key, new Held(updated));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Holds {@code held} under {@code key}, then drops least recently used trees until the rest fit. */
    private void store(Object key, Held held) {
        Held previous = entries.put(key, held);
        weight += held.weight() - (previous == null ? 0 : previous.weight());
        Iterator<Map.Entry<Object, Held>> eldest = entries.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            Map.Entry<Object, Held> entry = eldest.next();
            if (entry.getKey().equals(key)) {
                continue; // the tree just stored stays, even when it alone is over the bound
            }
            eldest.remove();
            weight -= entry.getValue().weight();
            listeners.forEach(listener -> listener.onEntryExpired(entry.getKey()));
        }
    }
}
