package dev.orgservice.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CPU went during a measurement: cores used by this JVM (both services and the clients) and how busy
 * the whole machine was (PostgreSQL and anything else running). On a 2-core machine a throughput limit with the
 * machine near 100% busy is a CPU limit, not a lock or a pool.
 */
final class Cpu {

    private final long jvmNanos;
    private final long wallNanos;
    private final long[] machineJiffies;

    private Cpu(long jvmNanos, long wallNanos, long[] machineJiffies) {
        this.jvmNanos = jvmNanos;
        this.wallNanos = wallNanos;
        this.machineJiffies = machineJiffies;
    }

    static Cpu now() {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new Cpu(jvm, System.nanoTime(), machine());
    }

    /** E.g. "JVM 1.6 cores, machine 97% busy" since {@code before}. */
    String since(Cpu before) {
        double wall = wallNanos - before.wallNanos;
        String jvm = jvmNanos < 0 ? "JVM ?" : String.format("JVM %.1f cores", (jvmNanos - before.jvmNanos) / wall);
        if (machineJiffies == null || before.machineJiffies == null) {
            return jvm;
        }
        long busy = machineJiffies[0] - before.machineJiffies[0];
        long total = machineJiffies[1] - before.machineJiffies[1];
        return total <= 0 ? jvm : String.format("%s, machine %.0f%% busy", jvm, 100.0 * busy / total);
    }

    /** {busy, total} jiffies of all cores from /proc/stat (Linux), or null elsewhere. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
