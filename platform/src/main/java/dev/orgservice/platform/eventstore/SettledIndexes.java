package dev.orgservice.platform.eventstore;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Which gaps in {@code global_index} a tracking reader may give up: those below an index that some reader of this
 * engine read more than the gap timeout ago.
 * <p>
 * Why that is safe: {@code global_index} is a {@code bigserial} (one value per {@code nextval}, in order), so a
 * gap below an index read at time T was taken before T, by a transaction that has then been open for longer than
 * the timeout, and only such a gap is given up. Axon's own rule instead gives up every gap as soon as it reads an
 * event <em>recorded</em> more than the timeout ago; an event's recorded time is when its command applied it, not
 * when it became visible, so one slow command (or one instance with a clock behind) made the readers skip the event
 * of another, fast transaction for good (a review's test, {@code PublisherGapReviewTest}).
 * <p>
 * One instance per storage engine, shared by all its readers (any reader's read is a fact about the sequence), on
 * this process's monotonic clock, so clocks of other instances do not matter. It keeps a few dozen reads: a read
 * less than a step after the last one kept is not kept, which can only make a gap be given up later, never earlier.
 */
final class SettledIndexes {

    private static final int READS_KEPT_PER_TIMEOUT = 64;

    private final long timeoutNanos;
    private final long stepNanos;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Read> reads = new ArrayDeque<>();
    private long highestRead = Long.MIN_VALUE;
    private long settled = Long.MIN_VALUE;

    SettledIndexes(long timeoutMs, LongSupplier nanoClock) {
        this.timeoutNanos = timeoutMs * 1_000_000;
        this.stepNanos = Math.max(1, timeoutNanos / READS_KEPT_PER_TIMEOUT);
        this.nanoClock = nanoClock;
    }

    static SettledIndexes withTimeout(long timeoutMs) {
        return new SettledIndexes(timeoutMs, System::nanoTime);
    }

    /**
     * Notes that {@code index} was read (it is committed) and answers the highest index read at least the gap
     * timeout ago: every gap below it may be given up ({@link Long#MIN_VALUE} when there is none yet).
     */
    synchronized long read(long index) {
        long now = nanoClock.getAsLong();
        if (index > highestRead) {
            highestRead = index;
            Read last = reads.peekLast();
            if (last == null || now - last.atNanos() >= stepNanos) {
                reads.addLast(new Read(index, now));
            }
        }
        while (!reads.isEmpty() && now - reads.peekFirst().atNanos() >= timeoutNanos) {
            settled = reads.pollFirst().index();
        }
        return settled;
    }

    private record Read(long index, long atNanos) {
    }
}
