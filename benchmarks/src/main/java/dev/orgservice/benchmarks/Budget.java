package dev.orgservice.benchmarks;

import java.time.Duration;

/** The benchmark's time budget: phases ask it how much time they may take. */
final class Budget {

    private final long start = System.nanoTime();
    private final long deadline;

    Budget(Duration total) {
        deadline = start + total.toNanos();
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** {@code wanted}, or what is left if that is less. */
    Duration upTo(Duration wanted) {
        Duration left = remaining();
        return left.compareTo(wanted) < 0 ? left : wanted;
    }

    /** Shares {@code total} among {@code parts} measurements, each capped at 30 s; time one leaves goes on. */
    Slice slice(Duration total, int parts) {
        return new Slice(System.nanoTime() + Math.max(0, total.toNanos()), parts);
    }

    static final class Slice {
        private final long end;
        private int left;

        private Slice(long end, int parts) {
            this.end = end;
            this.left = parts;
        }

        Duration next() {
            long remaining = end - System.nanoTime();
            int parts = Math.max(1, left--);
            if (remaining <= 0) {
                return Duration.ZERO;
            }
            return Duration.ofNanos(Math.min(Duration.ofSeconds(30).toNanos(), remaining / parts));
        }
    }
}
