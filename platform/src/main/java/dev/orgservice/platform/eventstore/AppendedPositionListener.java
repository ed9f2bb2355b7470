package dev.orgservice.platform.eventstore;

/**
 * Told, inside the appending transaction, the global index the store gave the last event of an append: what a
 * client passes back as {@code minPosition} to read its own write. Axon 4 does not hand it back itself.
 */
@FunctionalInterface
public interface AppendedPositionListener {

    void appended(long lastGlobalIndex);
}
