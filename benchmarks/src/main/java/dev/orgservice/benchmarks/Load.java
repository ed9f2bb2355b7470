package dev.orgservice.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs one operation with N concurrent clients (closed loop: each client sends its next request when the last
 * one answered), first a warm-up that is not recorded, then the samples. Every measurement is bounded in time
 * as well as in count, so a slow operation shortens its own sample instead of the benchmark running for ever.
 */
final class Load {

    /** One request of one client; throws when the answer is not the expected one. */
    @FunctionalInterface
    interface Operation {
        void run(long iteration) throws Exception;
    }

    /**
     * What one run measured: all clients' latencies merged, the wall time, the failed requests, and how many
     * requests took over a second (a p99 does not show a handful of stalls).
     */
    record Outcome(Latency.Summary latency, double seconds, int errors, String firstError, int overOneSecond) {

        double perSecond() {
            return latency.samples() / seconds;
        }
    }

    private Load() {
    }

    /**
     * @param clients          concurrent clients; {@code client.apply(i)} makes client i's operation (its own
     *                         connection, tenant, ...)
     * @param warmupPerClient  unrecorded requests per client before the clock starts
     * @param samplesPerClient recorded requests per client, unless {@code cap} ends the run first
     */
    static Outcome run(int clients, IntFunction<Operation> client, int warmupPerClient, int samplesPerClient,
                       Duration cap) throws InterruptedException {
        return run(clients, client, warmupPerClient, samplesPerClient, cap, () -> { });
    }

    /** As above; {@code atStart} runs when the warm-up is over, just before the clock starts. */
    static Outcome run(int clients, IntFunction<Operation> client, int warmupPerClient, int samplesPerClient,
                       Duration cap, Runnable atStart) throws InterruptedException {
        return run(operations(clients, client), warmupPerClient, samplesPerClient, cap, atStart);
    }

    /** A fixed time instead of a fixed count: for throughput, where the number of requests is the result. */
    static Outcome runFor(int clients, IntFunction<Operation> client, Duration warmup, Duration measured,
                          Runnable atStart) throws InterruptedException {
        List<Operation> operations = operations(clients, client);
        warmUp(operations, warmup);
        return run(operations, 0, Integer.MAX_VALUE, measured, atStart);
    }

    /** Requests for {@code duration}, none of them recorded: code the JIT has yet to compile, connections to open. */
    static void warmUp(int clients, IntFunction<Operation> client, Duration duration) throws InterruptedException {
        warmUp(operations(clients, client), duration);
    }

    /** Below this share of one core used by the JIT's compiler threads through a warm-up round, the JIT has settled. */
    private static final int SETTLED_PERCENT = 5;

    /** One untimed round of requests. */
    @FunctionalInterface
    interface WarmUpRound {
        void run() throws InterruptedException;
    }

    /** How a warm-up ended: its rounds and the cores the JIT's compiler threads used in the last one. */
    record WarmedUp(int rounds, double compilerCores) {

        @Override
        public String toString() {
            return String.format("%d round(s), the JIT at %.2f cores in the last", rounds, compilerCores);
        }
    }

    /**
     * Rounds of {@code round} until the JIT's compiler threads used less than {@value #SETTLED_PERCENT}% of a core
     * through a round, at most {@code maxRounds}: on two cores, a measurement taken while the C2 compiler still
     * works shares a core with it, and a service in production runs compiled code. How long that takes depends on
     * the machine (80-90 s of the JVM's life on a slow one), so a fixed warm-up was too short on some. Where the
     * compiler threads' CPU cannot be read, one round.
     */
    static WarmedUp untilCompiled(int maxRounds, WarmUpRound round) throws InterruptedException {
        for (int rounds = 1; ; rounds++) {
            double compiledBefore = Cpu.compilerSeconds();
            long start = System.nanoTime();
            round.run();
            double cores = (Cpu.compilerSeconds() - compiledBefore) / ((System.nanoTime() - start) / 1e9);
            if (compiledBefore < 0 || cores * 100 < SETTLED_PERCENT || rounds >= maxRounds) {
                return new WarmedUp(rounds, compiledBefore < 0 ? Double.NaN : cores);
            }
        }
    }

    private static void warmUp(List<Operation> operations, Duration duration) throws InterruptedException {
        // a run of its own that only warms up (a quarter of a run's cap is its warm-up)
        run(operations, Integer.MAX_VALUE, 0, duration.multipliedBy(4), () -> { });
    }

    private static List<Operation> operations(int clients, IntFunction<Operation> client) {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            operations.add(client.apply(i));
        }
        return operations;
    }

    private static Outcome run(List<Operation> operations, int warmupPerClient, int samplesPerClient, Duration cap,
                               Runnable atStart) throws InterruptedException {
        int clients = operations.size();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Latency> latencies = new ArrayList<>();
        CountDownLatch warm = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Operation operation = operations.get(i);
            Latency latency = new Latency();
            latencies.add(latency);
            Thread thread = new Thread(() -> {
                long iteration = 0;
                long warmupEnd = System.nanoTime() + cap.toNanos() / 4;
                for (int w = 0; w < warmupPerClient && System.nanoTime() < warmupEnd; w++) {
                    attempt(operation, iteration++, null, errors, firstError);
                }
                warm.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int s = 0; s < samplesPerClient && System.nanoTime() < deadline[0]; s++) {
                    attempt(operation, iteration++, latency, errors, firstError);
                }
            }, "load-client-" + i);
            threads.add(thread);
            thread.start();
        }
        warm.await();
        // the measured samples start together, after every client has warmed up
        errors.set(0);
        firstError.set(null);
        atStart.run();
        long start = System.nanoTime();
        deadline[0] = start + cap.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Latency all = Latency.merge(latencies);
        return new Outcome(all.summary(), seconds, errors.get(), firstError.get(), all.countAbove(1_000));
    }

    private static void attempt(Operation operation, long iteration, Latency latency, AtomicInteger errors,
                                AtomicReference<String> firstError) {
        long start = System.nanoTime();
        try {
            operation.run(iteration);
            if (latency != null) {
                latency.record(System.nanoTime() - start);
            }
        } catch (Exception | AssertionError e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, String.valueOf(e.getMessage()));
        }
    }
}
