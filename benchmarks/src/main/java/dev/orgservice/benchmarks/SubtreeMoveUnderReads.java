package dev.orgservice.benchmarks;

import dev.orgservice.platform.testing.Http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The structure issue's "moving a subtree of 10k units must not block reads and must be visible in the read model
 * within 1 s". The department whose subtree is nearest to 10,000 units moves under its neighbour and back,
 * {@value #ROUND_TRIPS} times each way, while two clients keep reading the ancestors of the deepest unit below it
 * (a path every move changes). A move is visible once a read without {@code minPosition} shows the new parent in
 * that path, timed from sending the move; a read is blocked if it waits for a move, so the reads that overlapped a
 * move are compared with the same reads between the moves. Leaves the tree as it found it.
 */
final class SubtreeMoveUnderReads {

    static final int SUBTREE_UNITS = 10_000;
    private static final int ROUND_TRIPS = 5;
    private static final int READERS = 2;
    static final double VISIBLE_WITHIN_MS = 1_000;
    /**
     * A read that waited for a move would wait for its commit and the projection; this is 50 times the read's usual
     * p99 and leaves room for a GC pause on two shared cores.
     */
    static final double BLOCKED_ABOVE_MS = 100;

    private final Services services;
    private final TreeBuilder tree;
    private final String units;
    private final String editor;
    private final String viewer;

    /** @param units the tenant's units path, {@code /api/v1/tenants/{t}/units/} */
    SubtreeMoveUnderReads(Services services, TreeBuilder tree, String units, String editor, String viewer) {
        this.services = services;
        this.tree = tree;
        this.units = units;
        this.editor = editor;
        this.viewer = viewer;
    }

    /** The latencies measured, in order: the moves' answers, their visibility, the reads during and between them. */
    record Outcome(int movedUnits, Latency answered, Latency visible, Latency readsDuring, Latency readsBetween) {
    }

    /** @param moved the unit whose subtree moves ({@link TreeBuilder#subtreeOfAbout}), not the root */
    Outcome run(int moved) throws InterruptedException {
        int home = tree.parent(moved);
        int away = tree.neighbourOf(moved);
        String path = units + tree.unitId(tree.deepestBelow(moved)) + "/ancestors";
        List<long[]> reads = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> readers = new ArrayList<>();
        List<KeepAliveHttp> connections = new ArrayList<>();
        Latency answered = new Latency();
        Latency visible = new Latency();
        List<long[]> moves = new ArrayList<>();
        try {
            for (int r = 0; r < READERS; r++) {
                KeepAliveHttp http = services.queryConnection();
                connections.add(http);
                Thread reader = new Thread(() -> read(http, path, stop, reads, failure), "subtree-move-reader-" + r);
                reader.start();
                readers.add(reader);
            }
            KeepAliveHttp commands = services.commandConnection();
            KeepAliveHttp check = services.queryConnection();
            connections.add(commands);
            connections.add(check);
            TimeUnit.SECONDS.sleep(1); // the readers' own warm-up, and reads before the first move
            for (int i = 0; i < 2 * ROUND_TRIPS; i++) {
                int parent = i % 2 == 0 ? away : home;
                long start = System.nanoTime();
                Http.Response answer = commands.post(units + tree.unitId(moved) + "/move", editor,
                        "{\"newParentId\":\"" + tree.unitId(parent) + "\"}");
                long answeredAt = System.nanoTime();
                StructureBenchmark.expect(answer.status(), 200, answer.body());
                while (!StructureBenchmark.ids(check.get(path, viewer), "unitId").contains(tree.unitId(parent))) {
                    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30)) {
                        throw new IllegalStateException("the subtree move was not visible after 30 s");
                    }
                }
                long seenAt = System.nanoTime();
                answered.record(answeredAt - start);
                visible.record(seenAt - start);
                moves.add(new long[]{start, seenAt});
                TimeUnit.MILLISECONDS.sleep(200); // reads between the moves
            }
        } finally {
            stop.set(true);
            for (Thread reader : readers) {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            }
            connections.forEach(KeepAliveHttp::close);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Latency during = new Latency();
        Latency between = new Latency();
        synchronized (reads) {
            for (long[] read : reads) {
                boolean overlaps = moves.stream().anyMatch(move -> read[0] < move[1] && read[1] > move[0]);
                (overlaps ? during : between).record(read[1] - read[0]);
            }
        }
        return new Outcome(tree.subtreeSize(moved), answered, visible, during, between);
    }

    /** One reader: the path, again and again, each read's start and end kept. */
    private void read(KeepAliveHttp http, String path, AtomicBoolean stop, List<long[]> reads,
                      AtomicReference<RuntimeException> failure) {
        try {
            while (!stop.get()) {
                long start = System.nanoTime();
                Http.Response response = http.get(path, viewer);
                long end = System.nanoTime();
                StructureBenchmark.expect(response.status(), 200, response.body());
                synchronized (reads) {
                    reads.add(new long[]{start, end});
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }
}
