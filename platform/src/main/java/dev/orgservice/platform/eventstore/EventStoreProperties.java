package dev.orgservice.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gap handling of the tracking readers. A sequence value taken by a transaction that has not committed
 * yet shows up as a gap; readers wait for it up to {@code gapTimeoutMs}, after which a late commit would be
 * missed. Command transactions therefore stay far below it (milliseconds), see docs/operations.md.
 * {@code pollIntervalMs} bounds how late an idle reader notices an event appended by another process.
 */
@ConfigurationProperties("org.event-store")
public record EventStoreProperties(@DefaultValue("60000") int gapTimeoutMs,
                                   @DefaultValue("10000") int maxGapOffset,
                                   @DefaultValue("100") int batchSize,
                                   @DefaultValue("25") long pollIntervalMs) {
}
