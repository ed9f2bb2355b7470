package dev.orgservice.benchmarks;

import java.util.Arrays;

/**
 * Latencies of one measurement, in nanoseconds, and their summary. Percentiles are nearest-rank over all samples
 * (no histogram buckets): with 2,000 samples the p99 is the 20th slowest, exact and easy to check by hand.
 */
final class Latency {

    private long[] samples = new long[1024];
    private int count;

    void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    /** The samples of several clients as one distribution. */
    static Latency merge(Iterable<Latency> parts) {
        Latency all = new Latency();
        for (Latency part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.record(part.samples[i]);
            }
        }
        return all;
    }

    int count() {
        return count;
    }

    /** How many samples took longer than {@code millis}: the outliers a percentile hides. */
    int countAbove(double millis) {
        int above = 0;
        for (int i = 0; i < count; i++) {
            if (samples[i] > millis * 1_000_000) {
                above++;
            }
        }
        return above;
    }

    Summary summary() {
        if (count == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long sample : sorted) {
            sum += sample;
        }
        return new Summary(count, millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(sum / count),
                millis(sorted[count - 1]));
    }

    /** Nearest rank: the smallest sample with at least p% of all samples at or below it. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(double nanos) {
        return nanos / 1_000_000.0;
    }

    record Summary(int samples, double p50, double p99, double mean, double max) {
    }
}
