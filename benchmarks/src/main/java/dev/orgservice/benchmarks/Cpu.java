package dev.orgservice.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the CPU went during a measurement: cores used by this JVM (both services and the clients) and how busy
 * the whole machine was (PostgreSQL and anything else running). On a 2-core machine a throughput limit with the
 * machine near 100% busy is a CPU limit, not a lock or a pool.
 */
final class Cpu {

    private final long jvmNanos;
    private final long wallNanos;
    private final long[] machineJiffies;
    private final double compilerSeconds;

    private Cpu(long jvmNanos, long wallNanos, long[] machineJiffies, double compilerSeconds) {
        this.jvmNanos = jvmNanos;
        this.wallNanos = wallNanos;
        this.machineJiffies = machineJiffies;
        this.compilerSeconds = compilerSeconds;
    }

    static Cpu now() {
        long jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new Cpu(jvm, System.nanoTime(), machine(), compilerSeconds());
    }

    /**
     * E.g. "JVM 1.6 cores (JIT 0.02), machine 97% busy" since {@code before}: the JIT's share shows whether a
     * measurement ran compiled code or shared the cores with the compiler.
     */
    String since(Cpu before) {
        double wall = wallNanos - before.wallNanos;
        String jit = compilerSeconds < 0 || before.compilerSeconds < 0 ? ""
                : String.format(" (JIT %.2f)", (compilerSeconds - before.compilerSeconds) * 1e9 / wall);
        String jvm = jvmNanos < 0 ? "JVM ?" : String.format("JVM %.1f cores%s", (jvmNanos - before.jvmNanos) / wall, jit);
        if (machineJiffies == null || before.machineJiffies == null) {
            return jvm;
        }
        long busy = machineJiffies[0] - before.machineJiffies[0];
        long total = machineJiffies[1] - before.machineJiffies[1];
        return total <= 0 ? jvm : String.format("%s, machine %.0f%% busy", jvm, 100.0 * busy / total);
    }

    /**
     * CPU seconds the JIT's compiler threads have used (Linux: their entries in /proc/self/task), or -1 elsewhere.
     * Not {@code CompilationMXBean}'s compile time, which counts wall time per compilation: on two busy cores a
     * compiler thread waiting for a core looked like a JIT compiling more than a whole core. A compiler thread that
     * exits takes its time with it, so the benchmark JVMs keep theirs ({@code -XX:-UseDynamicNumberOfCompilerThreads}).
     */
    static double compilerSeconds() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            long jiffies = 0;
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    jiffies += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
            return jiffies / (double) JIFFIES_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** USER_HZ, which Linux fixes at 100 for what /proc reports on every architecture the JDK runs on. */
    private static final int JIFFIES_PER_SECOND = 100;

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
