package dev.orgservice.benchmarks;

import dev.orgservice.platform.testing.Http;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import static dev.orgservice.benchmarks.StructureBenchmark.API;
import static dev.orgservice.benchmarks.StructureBenchmark.expect;
import static dev.orgservice.benchmarks.StructureBenchmark.notes;
import static dev.orgservice.benchmarks.StructureBenchmark.owner;
import static dev.orgservice.benchmarks.StructureBenchmark.untilCompiled;

/**
 * The structure benchmark's commands on the big tree: the cold load of the tree after a restart (from its events,
 * then from a snapshot), moves and renames at 1 and 4 clients, and a subtree of about 10,000 units moved while it
 * is read.
 */
final class CommandsOnTheTree extends StructurePhase {

    /**
     * Commands before each command measurement: 100 left the JIT compiling through the measurement (the C2
     * compiler took 44% of the JVM's CPU during the moves in a profile), a service's steady state it is not.
     */
    private static final int COMMAND_WARMUP = 1_000;
    /** At most this many rounds of moves and renames before the commands on the big tree are timed. */
    private static final int COMMAND_WARMUP_ROUNDS = 6;

    private final TreeBuilder tree;
    private final UUID tenant;
    private final String editor;
    private final String viewer;
    /** A one-unit tenant whose commands warm up a restarted command side before the big tree is timed. */
    private final String helperUnitPath;
    private final String helperEditor;

    CommandsOnTheTree(Report report, Budget budget, Services services, ClientConnections connections,
                      TreeBuilder tree, UUID tenant, String editor, String viewer, String helperUnitPath,
                      String helperEditor) {
        super(report, budget, services, connections);
        this.tree = tree;
        this.tenant = tenant;
        this.editor = editor;
        this.viewer = viewer;
        this.helperUnitPath = helperUnitPath;
        this.helperEditor = helperEditor;
    }

    @Override
    void run() throws Exception {
        coldLoad("cold load: first command after restart, tree from events (no snapshot)");
        commandsOnTheTree();
        subtreeMoveUnderReads();
        coldLoad("cold load: first command after restart, tree from snapshot + events");
    }

    /**
     * Moves and renames on the big tree, at 1 client (the latency of one command) and at 4 (the tree's
     * throughput: commands on one aggregate queue for its lock, but their HTTP, security and JSON work overlaps).
     * Each client moves its own leaves, so the tree stays valid whatever order the moves land in.
     */
    private void commandsOnTheTree() throws Exception {
        List<int[]> leaves = tree.movableLeaves(200);
        int[] currentParent = leaves.stream().mapToInt(l -> l[1]).toArray();
        for (int clients : new int[]{1, 4}) {
            IntFunction<Load.Operation> move = moves(leaves, currentParent, clients);
            IntFunction<Load.Operation> rename = renames();
            if (clients == 1) {
                warmUpCommands(move, rename);
            }
            commandMeasurement("POST units/{u}/move on the " + tree.size() + "-unit tree", clients, move,
                    "/api/v1/tenants/{tenantId}/units/{unitId}/move");
            commandMeasurement("PATCH units/{u} (rename) on the " + tree.size() + "-unit tree", clients, rename,
                    "/api/v1/tenants/{tenantId}/units/{unitId}");
        }
    }

    /**
     * Rounds of moves and renames until the JIT settles, as the reads and the commands across tenants warm up:
     * the first commands on the big tree after the command side's restart (the cold load) otherwise shared the
     * cores with a compiler at 0.4-1.1 cores through the 1-client measurements.
     */
    private void warmUpCommands(IntFunction<Load.Operation> move, IntFunction<Load.Operation> rename)
            throws InterruptedException {
        untilCompiled(report, "moves and renames for 4 s each a round, 1 client", COMMAND_WARMUP_ROUNDS, () -> {
            connections.warmUpRound(1, move, Duration.ofSeconds(4));
            connections.warmUpRound(1, rename, Duration.ofSeconds(4));
        });
    }

    /** Moves that keep the tree valid: a depth-12 leaf goes to a neighbouring depth-11 department and back. */
    private IntFunction<Load.Operation> moves(List<int[]> leaves, int[] currentParent, int clients) {
        return c -> {
            KeepAliveHttp http = services.commandConnection();
            connections.add(http);
            return i -> {
                int k = c + clients * (int) (i % (leaves.size() / clients));
                int[] leaf = leaves.get(k);
                int target = currentParent[k] == leaf[1] ? leaf[2] : leaf[1];
                long start = System.nanoTime();
                Http.Response moved = http.post(API + tenant + "/units/" + tree.unitId(leaf[0]) + "/move",
                        editor, "{\"newParentId\":\"" + tree.unitId(target) + "\"}");
                logIfSlow("move", i, start);
                expect(moved.status(), 200, moved.body());
                currentParent[k] = target;
            };
        };
    }

    /** Renames of random units of the big tree. */
    private IntFunction<Load.Operation> renames() {
        return c -> {
            KeepAliveHttp http = services.commandConnection();
            connections.add(http);
            Random random = new Random(42 + c);
            return i -> {
                int unit = 1 + random.nextInt(tree.size() - 1);
                long start = System.nanoTime();
                Http.Response renamed = http.patch(API + tenant + "/units/" + tree.unitId(unit), editor,
                        "{\"name\":\"Renamed " + c + "-" + i + "\"}");
                logIfSlow("rename", i, start);
                expect(renamed.status(), 200, renamed.body());
            };
        };
    }

    /** A subtree of about 10,000 units moved while it is read ({@link SubtreeMoveUnderReads}). */
    private void subtreeMoveUnderReads() throws InterruptedException {
        int moved = tree.subtreeOfAbout(SubtreeMoveUnderReads.SUBTREE_UNITS);
        if (tree.parent(moved) < 0) {
            report.problem("skipped: no unit below the root has a subtree of "
                    + SubtreeMoveUnderReads.SUBTREE_UNITS + " units in a tree of " + tree.size());
            return;
        }
        var outcome = new SubtreeMoveUnderReads(services, tree, API + tenant + "/units/", editor, viewer).run(moved);
        String subtree = String.format("a subtree of %,d units", outcome.movedUnits());
        var answered = outcome.answered().summary();
        var visible = outcome.visible().summary();
        var during = outcome.readsDuring().summary();
        var between = outcome.readsBetween().summary();
        report.add(new Report.Measurement("POST units/{u}/move of " + subtree + ": answered", 1, answered, null,
                null, null, null));
        report.add(new Report.Measurement("move of " + subtree + ": visible in the read model (from sending)", 1, visible,
                null, null, null, "a read of a moved unit's ancestors without minPosition shows the new parent"));
        report.add(new Report.Measurement("REST GET ancestors of a unit in the moving subtree, during the moves", 2,
                during, null, "the same reads between the moves", between, null));
        report.target("move of " + subtree + ": visible in the read model within 1 s (slowest of "
                        + visible.samples() + " moves)", String.format("%.0f ms", visible.max()),
                String.format("<= %.0f ms", SubtreeMoveUnderReads.VISIBLE_WITHIN_MS),
                visible.max() <= SubtreeMoveUnderReads.VISIBLE_WITHIN_MS);
        report.target("move of " + subtree + ": reads not blocked (slowest of " + during.samples()
                        + " reads during the moves)", String.format("%.1f ms (between the moves: p99 %.1f, max %.1f ms)",
                        during.max(), between.p99(), between.max()),
                String.format("<= %.0f ms", SubtreeMoveUnderReads.BLOCKED_ABOVE_MS),
                during.max() <= SubtreeMoveUnderReads.BLOCKED_ABOVE_MS);
    }

    /** A stall over a second, with the JVM's uptime, to line it up with benchmark-gc.log and the services' log. */
    private static void logIfSlow(String command, long iteration, long startNanos) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        if (millis > 1000) {
            System.out.printf("[benchmark] slow %s #%d: %.0f ms, ended at JVM uptime %.3f s%n", command, iteration,
                    millis, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        }
    }

    private void commandMeasurement(String operation, int clients, IntFunction<Load.Operation> command,
                                    String serverUri) throws InterruptedException {
        // 90 s at most (snapshots stall single commands for seconds), and leave 2 minutes for the phases after
        Duration left = budget.remaining().minus(Duration.ofSeconds(120));
        Duration cap = left.compareTo(Duration.ofSeconds(90)) < 0 ? left : Duration.ofSeconds(90);
        if (cap.isNegative() || cap.isZero()) {
            report.problem("skipped for lack of time: " + operation + " at " + clients + " client(s)");
            return;
        }
        Services.ServerTime[] before = new Services.ServerTime[1];
        Cpu[] cpu = new Cpu[1];
        Load.Outcome outcome;
        try {
            // the 1-client measurements warm the JIT up; the 4-client ones, which come after them, only their connections
            outcome = Load.run(clients, command, clients == 1 ? COMMAND_WARMUP : 100,
                    clients == 1 ? 2_000 : 1_000, cap, () -> {
                before[0] = services.serverTime(true, serverUri);
                cpu[0] = Cpu.now();
            });
        } finally {
            connections.closeAll();
        }
        String used = Cpu.now().since(cpu[0]);
        String note = notes(outcome, services.serverTime(true, serverUri).since(before[0]), used);
        report.add(new Report.Measurement(operation, clients, outcome.latency(), outcome.perSecond(), null, null, note));
        String name = operation.startsWith("POST") ? "move" : "rename";
        String on = String.format(" on the %,d-unit tree, %d client(s)", tree.size(), clients);
        report.target(name + on + ": p99", String.format("%.2f ms", outcome.latency().p99()),
                "<= 20 ms", outcome.latency().p99() <= 20);
        report.target(name + on + ": commands/s", String.format("%.0f/s", outcome.perSecond()),
                ">= 500/s", outcome.perSecond() >= 500);
    }

    /**
     * Restarts the command side and times the first command on the big tree, which has to load it. Commands on
     * a one-unit tenant go first, so the time is the tree's load and not a cold web stack or connection pool;
     * the median of the next few commands on the big tree is the warm time to compare with.
     */
    private void coldLoad(String operation) throws Exception {
        if (budget.remaining().compareTo(Duration.ofSeconds(60)) < 0) {
            report.problem("skipped for lack of time: " + operation);
            return;
        }
        double restart = services.restartCommandSide();
        for (int i = 0; i < 30; i++) {
            Http.Response warm = services.commands().patch(helperUnitPath, helperEditor, "{\"name\":\"Warm " + i + "\"}");
            expect(warm.status(), 200, warm.body());
        }
        String path = API + tenant + "/units/" + tree.unitId(1);
        Latency first = new Latency();
        Latency next = new Latency();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            Http.Response renamed = services.commands().patch(path, editor, "{\"name\":\"After restart " + i + "\"}");
            (i == 0 ? first : next).record(System.nanoTime() - start);
            expect(renamed.status(), 200, renamed.body());
        }
        report.add(new Report.Measurement(operation, 1, first.summary(), null, null, null,
                String.format("restart %.1f s; warm command p50 %.1f ms; %s", restart, next.summary().p50(), treeEvents())));
    }

    private String treeEvents() throws SQLException {
        try (Connection owner = owner(); PreparedStatement query = owner.prepareStatement("""
                select count(*), coalesce(sum(length(payload)), 0),
                       (select count(*) from event_store.snapshot_event_entry where aggregate_identifier = ?),
                       (select coalesce(max(length(payload)), 0) from event_store.snapshot_event_entry
                        where aggregate_identifier = ?)
                from event_store.domain_event_entry where aggregate_identifier = ?""")) {
            String treeId = "org-tree-" + tenant;
            query.setString(1, treeId);
            query.setString(2, treeId);
            query.setString(3, treeId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return String.format("tree: %,d events (%.1f MB), %d snapshot(s) of %.1f MB", row.getLong(1),
                        row.getLong(2) / 1e6, row.getLong(3), row.getLong(4) / 1e6);
            }
        }
    }
}
