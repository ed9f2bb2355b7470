package dev.orgservice.command.structure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedTreeCacheTest {

    @Test
    void keepsTheMostRecentlyUsedTreesUpToItsCapacity() {
        BoundedTreeCache cache = new BoundedTreeCache(2);
        cache.put("a", "tree a");
        cache.put("b", "tree b");
        assertThat((String) cache.get("a")).isEqualTo("tree a");
        cache.put("c", "tree c");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void holdsTreesStronglyAcrossGarbageCollections() {
        BoundedTreeCache cache = new BoundedTreeCache(4);
        cache.put("a", new Object());
        System.gc();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.putIfAbsent("a", "x")).isTrue();
        assertThat(cache.putIfAbsent("a", "y")).isFalse();
    }
}
