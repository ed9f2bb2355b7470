package dev.orgservice.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The structure issue's benchmark, in one run against one database:
 * <ol>
 *   <li>setup through the real command path over HTTP: an ENTERPRISE tenant, 100,000 units (depth 12) by bulk
 *       import, 200,000 positions with holders, then a wait until the read model has caught up;</li>
 *   <li>reads at 1 and 4 clients: ancestors of a depth-12 unit, the management chain of a depth-12 member and a
 *       subtree of about 1,000 units, each beside the best raw SQL for the same question and beside the web
 *       stack's floor;</li>
 *   <li>commands on the 100k tree (moves, renames), the cold load of the tree after a restart;</li>
 *   <li>commands/s with 16 clients over 64 small tenants beside a raw single-row INSERT floor.</li>
 * </ol>
 * Output: a table on the console and JSON under the directory given as the first argument. Run it with
 * {@code ./mvnw -B -Pbenchmark verify -pl benchmarks -am -DskipTests} (see benchmarks/README.md). Every phase
 * is bounded in time; a phase that fails or runs out of time is reported and the rest still runs.
 */
public final class StructureBenchmark {

    private static final String API = "/api/v1/tenants/";
    /** The authenticated no-op: the whole filter chain with the viewer's token, no database. */
    private static final String ME = "/api/v1/me";
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);
    private static final int SUBTREE_TARGET = 1_000;
    /**
     * Commands before each command measurement: 100 left the JIT compiling through the measurement (the C2
     * compiler took 44% of the JVM's CPU during the moves in a profile), a service's steady state it is not.
     */
    private static final int COMMAND_WARMUP = 1_000;
    /** At most this many rounds of moves and renames before the commands on the big tree are timed. */
    private static final int COMMAND_WARMUP_ROUNDS = 6;

    private final Report report;
    private final Budget budget;
    private final TreeBuilder tree;
    private final ApprovalSetup approvals;
    private final String admin = TestTokens.platformAdmin();
    /** Which phases after the setup run: {@code reads}, {@code commands}, {@code across} (for quick trials). */
    private final List<String> phases = List.of(System.getProperty("benchmark.phases", "reads,commands,across").split(","));
    private Services services;
    private UUID tenant;
    private String editor;
    private String viewer;
    private boolean readModelReady;
    /** A one-unit tenant whose commands warm up a restarted command side before the big tree is timed. */
    private String helperUnitPath;
    private String helperEditor;

    private StructureBenchmark(Report report, Budget budget, TreeBuilder tree) {
        this.report = report;
        this.budget = budget;
        this.tree = tree;
        this.approvals = new ApprovalSetup(tree);
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/target/benchmarks");
        int units = Integer.getInteger("benchmark.units", 100_000);
        Budget budget = new Budget(Duration.ofSeconds(Long.getLong("benchmark.budget-seconds", 780)));
        TreeBuilder tree = new TreeBuilder(units);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("units", units);
        scope.put("positions", tree.positions());
        Report report = new Report(Report.Output.STRUCTURE, scope, Machine.describe());
        StructureBenchmark benchmark = new StructureBenchmark(report, budget, tree);
        int exit = report.run(benchmark::run, out);
        if (benchmark.services != null) {
            benchmark.services.close();
        }
        // the services leave non-daemon threads; the shutdown hooks drop the test database
        System.exit(exit);
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        services = Services.start();
        report.step("start both services", seconds(start), "database " + report.machine().get("database"));
        setUp();
        if (readModelReady && phases.contains("reads")) {
            verifyBaselinesAgree();
            reads();
        }
        if (phases.contains("commands")) {
            coldLoad("cold load: first command after restart, tree from events (no snapshot)");
            commandsOnTheTree();
            subtreeMoveUnderReads();
            coldLoad("cold load: first command after restart, tree from snapshot + events");
        }
        if (phases.contains("across")) {
            acrossTenants();
            appendFloor();
        }
    }

    // ---- setup ------------------------------------------------------------------------------------------------

    private void setUp() throws Exception {
        long start = System.nanoTime();
        Http.Response created = services.commands().post(API.substring(0, API.length() - 1), admin,
                Http.newTenant("bench-" + UUID.randomUUID().toString().substring(0, 8), "ENTERPRISE"));
        require(created, 201);
        tenant = UUID.fromString(created.json().get("tenantId").asText());
        require(services.commands().post(API + tenant + "/activate", admin, "{}"), 200);
        editor = TestTokens.forTenant(tenant, "bench-editor", "ORG_EDITOR");
        viewer = TestTokens.forTenant(tenant, "bench-viewer", "ORG_VIEWER");
        report.step("create and activate the ENTERPRISE tenant", seconds(start), null);
        createHelperTenant();

        long importStart = System.nanoTime();
        long position = 0;
        List<String> perRequest = new ArrayList<>();
        for (String body : tree.unitImports()) {
            long requestStart = System.nanoTime();
            Http.Response imported = services.postSlowly(API + tenant + "/units/import", editor, body, IMPORT_TIMEOUT);
            require(imported, 201);
            tree.recordImported(imported.json());
            position = imported.position();
            perRequest.add(String.format("%.1f", seconds(requestStart)));
        }
        report.step(String.format("import %,d units (%d requests)", tree.size(), perRequest.size()),
                seconds(importStart), "seconds per request: " + String.join(", ", perRequest));

        long positionsStart = System.nanoTime();
        perRequest.clear();
        for (String body : tree.positionImports()) {
            long requestStart = System.nanoTime();
            Http.Response imported = services.postSlowly(API + tenant + "/positions/import", editor, body,
                    IMPORT_TIMEOUT);
            require(imported, 201);
            tree.recordPositions(imported.json());
            position = imported.position();
            perRequest.add(String.format("%.1f", seconds(requestStart)));
        }
        report.step(String.format("import %,d positions with holders (%d requests)", tree.positions(),
                perRequest.size()), seconds(positionsStart), "seconds per request: " + String.join(", ", perRequest));
        position = setUpApprovals();
        readModelReady = awaitReadModel(position, budget.upTo(Duration.ofMinutes(6)));
        analyze();
        report.step("setup in total (tenant, imports, read model)", seconds(start), null);
    }

    /** Authorities on every manager by bulk import, then the delegations one command each. */
    private long setUpApprovals() {
        long start = System.nanoTime();
        String admin = TestTokens.forTenant(tenant, "bench-admin", "TENANT_ADMIN");
        long position = 0;
        List<String> imports = approvals.authorityImports();
        for (String body : imports) {
            Http.Response imported = services.postSlowly(API + tenant + "/approval-authorities/import", admin, body,
                    IMPORT_TIMEOUT);
            require(imported, 201);
            position = imported.position();
        }
        report.step(String.format("import %,d approval authorities (%d requests)", tree.size(), imports.size()),
                seconds(start), null);
        long delegationsStart = System.nanoTime();
        List<String> delegations = approvals.delegations();
        for (String body : delegations) {
            Http.Response granted = services.commands().post(API + tenant + "/delegations", editor, body);
            require(granted, 201);
            position = granted.position();
        }
        report.step(String.format("grant %,d delegations (one command each)", delegations.size()),
                seconds(delegationsStart), null);
        return position;
    }

    private void createHelperTenant() {
        Http.Response created = services.commands().post(API.substring(0, API.length() - 1), admin,
                Http.newTenant("bench-helper-" + UUID.randomUUID().toString().substring(0, 8), "STANDARD"));
        require(created, 201);
        UUID helper = UUID.fromString(created.json().get("tenantId").asText());
        require(services.commands().post(API + helper + "/activate", admin, "{}"), 200);
        helperEditor = TestTokens.forTenant(helper, "bench-editor", "ORG_EDITOR");
        Http.Response root = services.commands().post(API + helper + "/units", helperEditor,
                "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT\",\"name\":\"Root\",\"country\":\"DE\",\"currency\":\"EUR\"}");
        require(root, 201);
        helperUnitPath = API + helper + "/units/" + root.json().get("unitId").asText();
    }

    /**
     * Asks the query side for the root unit at the last import's position until it answers 200. Each 503 means
     * the projection has not got there within the query side's wait (5 s), so this also shows how far behind it is.
     */
    private boolean awaitReadModel(long position, Duration timeout) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextProgress = start;
        String path = API + tenant + "/units/" + tree.unitId(0) + "?minPosition=" + position;
        try (Connection owner = owner()) {
            while (System.nanoTime() < deadline) {
                Http.Response response = services.queries().get(path, viewer);
                if (response.status() == 200) {
                    report.step("read model caught up (after the last import answered)", seconds(start),
                            "position " + position + "; " + readModelCounts(owner));
                    return true;
                }
                if (response.status() != 503) {
                    report.problem("waiting for the read model: " + response.status() + " " + response.body());
                    return false;
                }
                if (System.nanoTime() >= nextProgress) {
                    System.out.printf("[benchmark] read model not yet at %d after %.0f s: %s%n", position,
                            seconds(start), readModelCounts(owner));
                    nextProgress = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                }
                Thread.sleep(100);
            }
            report.problem(String.format("the read model did not reach position %d within %.0f s (%s); reads are "
                    + "not measured", position, seconds(start), readModelCounts(owner)));
            report.step("read model NOT caught up", seconds(start), readModelCounts(owner));
            return false;
        }
    }

    /**
     * The state autovacuum would bring the tables to some time after a bulk import: planner statistics and a
     * visibility map (for index-only scans). Without statistics the planner sees the tables as nearly empty and
     * joins 100k rows by sequential scans; this happened, because the machine's PostgreSQL runs with autovacuum
     * off, so nothing else ever vacuums or analyzes the test database.
     */
    private void analyze() throws SQLException {
        long start = System.nanoTime();
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            statement.execute("vacuum analyze");
        }
        report.step("VACUUM ANALYZE (autovacuum: " + report.machine().get("autovacuum") + ")", seconds(start), null);
    }

    private String readModelCounts(Connection owner) throws SQLException {
        try (PreparedStatement counts = owner.prepareStatement("""
                select (select count(*) from read_model.unit where tenant_id = ?),
                       (select count(*) from read_model.position where tenant_id = ?),
                       (select max(global_index) from event_store.domain_event_entry)""")) {
            counts.setObject(1, tenant);
            counts.setObject(2, tenant);
            try (ResultSet row = counts.executeQuery()) {
                row.next();
                return String.format("read model has %,d of %,d units, %,d of %,d positions; event store head %d",
                        row.getLong(1), tree.size(), row.getLong(2), tree.positions(), row.getLong(3));
            }
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    private String ancestorsPath() {
        return API + tenant + "/units/" + tree.unitId(tree.deepUnit()) + "/ancestors";
    }

    private String chainPath() {
        return API + tenant + "/people/" + TreeBuilder.memberPerson(tree.deepUnit()) + "/management-chain";
    }

    private String approvalChainPath() {
        return API + tenant + "/approval-chain?purpose=" + ApprovalSetup.PURPOSE + "&requesterId="
                + TreeBuilder.memberPerson(tree.deepUnit()) + "&amount=" + ApprovalSetup.AMOUNT + "&currency="
                + ApprovalSetup.CURRENCY;
    }

    private String subtreePath() {
        return API + tenant + "/units/" + tree.unitId(tree.subtreeOfAbout(SUBTREE_TARGET)) + "/subtree?size="
                + SUBTREE_TARGET;
    }

    /** The baselines must answer what the API answers, or the comparison means nothing. */
    private void verifyBaselinesAgree() throws SQLException {
        int deep = tree.deepUnit();
        int sub = tree.subtreeOfAbout(SUBTREE_TARGET);
        try (RawSql raw = new RawSql(owner())) {
            List<UUID> restAncestors = ids(services.queries().get(ancestorsPath(), viewer), "unitId");
            List<UUID> rawAncestors = raw.ancestors(tenant, tree.unitId(deep));
            List<UUID> restChain = ids(services.queries().get(chainPath(), viewer), "positionId");
            List<UUID> rawChain = raw.managementChain(tenant, TreeBuilder.memberPerson(deep));
            List<UUID> restSubtree = ids(services.queries().get(subtreePath(), viewer), "unitId");
            List<UUID> rawSubtree = raw.subtree(tenant, tree.unitId(sub), SUBTREE_TARGET);
            agree("ancestors", restAncestors, rawAncestors);
            agree("management chain", restChain, rawChain);
            agree("subtree", restSubtree, rawSubtree);
            List<UUID> restApprovers = ids(services.queries().get(approvalChainPath(), viewer), "positionId", "approvers");
            List<UUID> rawApprovers = raw.approvalChain(tenant, TreeBuilder.memberPerson(deep), ApprovalSetup.PURPOSE,
                    ApprovalSetup.AMOUNT, ApprovalSetup.CURRENCY);
            agree("approval chain", restApprovers, rawApprovers);
            System.out.printf("[benchmark] deep unit %s (depth %d): %d ancestors, management chain of %d; subtree of "
                            + "%s: %,d units (depth %d), first page %d%n", TreeBuilder.code(deep), tree.depth(deep),
                    restAncestors.size(), restChain.size(), TreeBuilder.code(sub), tree.subtreeSize(sub), tree.depth(sub),
                    restSubtree.size());
        }
    }

    private void agree(String question, List<UUID> rest, List<UUID> raw) {
        if (!rest.equals(raw) || rest.isEmpty()) {
            report.problem("REST and raw SQL disagree on the " + question + ": REST " + rest.size() + " rows, SQL "
                    + raw.size() + " rows");
        }
    }

    private void reads() throws Exception {
        int deep = tree.deepUnit();
        int sub = tree.subtreeOfAbout(SUBTREE_TARGET);
        UUID deepId = tree.unitId(deep);
        UUID subId = tree.unitId(sub);
        String person = TreeBuilder.memberPerson(deep);
        String features = API + tenant + "/features";
        String ancestorsLabel = String.format("GET ancestors of a depth-%d unit", tree.depth(deep));
        String chainLabel = "GET management-chain (depth-" + tree.depth(deep) + " member)";
        String subtreeLabel = String.format("GET subtree of %,d units, size=%d", tree.subtreeSize(sub), SUBTREE_TARGET);
        warmUp(List.of(ME, features, ancestorsPath(), chainPath(), subtreePath(), approvalChainPath()));
        int measurements = 2 * 11;
        Budget.Slice slice = budget.slice(budget.remaining().minus(Duration.ofSeconds(300)), measurements);
        for (int clients : new int[]{1, 4}) {
            int samples = clients == 1 ? 2_000 : 1_000;
            // long enough for the JIT to settle: with 300 the p99 still caught compilations
            int warmup = clients == 1 ? 2_000 : 250;
            measure("floor: GET /actuator/info (no auth, no DB)", clients, warmup, samples, slice,
                    rest("/actuator/info", null), "/actuator/info", null, null);
            measure("floor: GET /api/v1/me (auth, no DB)", clients, warmup, samples, slice, rest(ME), ME, null, null);
            measure("floor: GET features (auth + 1 tenant read)", clients, warmup, samples, slice,
                    rest(features), "/api/v1/tenants/{tenantId}/features", null, null);
            var sqlAncestors = measure("raw SQL: ancestors (recursive CTE)", clients, warmup, samples, slice,
                    raw(r -> r.ancestors(tenant, deepId)), null, null, null);
            measure("REST " + ancestorsLabel, clients, warmup, samples, slice, rest(ancestorsPath()),
                    "/api/v1/tenants/{tenantId}/units/{unitId}/ancestors", "raw SQL ancestors", sqlAncestors);
            var sqlChain = measure("raw SQL: management chain (one recursive walk)", clients, warmup, samples, slice,
                    raw(r -> r.managementChain(tenant, person)), null, null, null);
            measure("REST " + chainLabel, clients, warmup, samples, slice, rest(chainPath()),
                    "/api/v1/tenants/{tenantId}/people/{personId}/management-chain", "raw SQL management chain",
                    sqlChain);
            var sqlSubtree = measure("raw SQL: subtree (recursive CTE, 1 page)", clients, warmup, samples, slice,
                    raw(r -> r.subtree(tenant, subId, SUBTREE_TARGET)), null, null, null);
            measure("REST " + subtreeLabel, clients, warmup, samples, slice, rest(subtreePath()),
                    "/api/v1/tenants/{tenantId}/units/{unitId}/subtree", "raw SQL subtree", sqlSubtree);
            var sqlApprovals = measure("raw SQL: approval chain (one statement)", clients, warmup, samples, slice,
                    raw(r -> r.approvalChain(tenant, person, ApprovalSetup.PURPOSE, ApprovalSetup.AMOUNT,
                            ApprovalSetup.CURRENCY)), null, null, null);
            measure("REST GET approval-chain (depth-" + tree.depth(deep) + " member, " + ApprovalSetup.AMOUNT + " "
                            + ApprovalSetup.CURRENCY + ")", clients, warmup, samples, slice, rest(approvalChainPath()),
                    "/api/v1/tenants/{tenantId}/approval-chain", "raw SQL approval chain", sqlApprovals);
        }
    }

    /**
     * Every REST read for 4 s, untimed, before the first measurement: the first reads of the run, whose code the
     * JIT has yet to compile. With only each measurement's own warm-up the C2 compiler took a third of a core
     * through the 1-client reads (top -H), on a machine of two cores, which is not a service's steady state. One
     * round was not enough on a slow machine (C2 still at 0.3-0.5 cores through the floors and the ancestors), so
     * rounds follow until the JIT settles ({@link Load#untilCompiled}).
     */
    private void warmUp(List<String> paths) throws InterruptedException {
        untilCompiled("every REST read for 4 s a round, 2 clients", 4, () -> {
            for (String path : paths) {
                warmUpRound(2, rest(path), Duration.ofSeconds(4));
            }
        });
    }

    /** Warm-up rounds until the JIT settles ({@link Load#untilCompiled}), reported as a setup step. */
    private void untilCompiled(String rounds, int maxRounds, Load.WarmUpRound round) throws InterruptedException {
        long start = System.nanoTime();
        Load.WarmedUp warmedUp = Load.untilCompiled(maxRounds, round);
        report.step("warm-up: " + rounds + ", untimed, until the JIT settles", seconds(start), warmedUp.toString());
    }

    /** A read target: p50 within {@code factor} of the raw SQL (every client count), p99 bounded at 1 client. */
    private void readTargets(String name, Load.Outcome rest, Load.Outcome raw, int clients, double factor,
                             double p99Limit) {
        double ratio = rest.latency().p50() / raw.latency().p50();
        report.target(name + ": REST p50 <= " + fmt(factor) + "x raw SQL p50, " + clients + " client(s)",
                String.format("%.2f ms vs %.2f ms = %.1fx", rest.latency().p50(), raw.latency().p50(), ratio),
                "<= " + fmt(factor) + "x", ratio <= factor);
        if (clients == 1) {
            report.target(name + ": REST p99 at 1 client", String.format("%.2f ms", rest.latency().p99()),
                    "<= " + fmt(p99Limit) + " ms", rest.latency().p99() <= p99Limit);
        }
    }

    /**
     * One read measurement. {@code serverUri}: the URI template of a REST call, whose server-side mean is then
     * noted beside the client's numbers.
     */
    private Load.Outcome measure(String operation, int clients, int warmup, int samples, Budget.Slice slice,
                                 IntFunction<Load.Operation> client, String serverUri, String baseline,
                                 Load.Outcome baselineOutcome) throws InterruptedException {
        Duration cap = slice.next();
        if (cap.isZero()) {
            report.problem("skipped for lack of time: " + operation + " at " + clients + " client(s)");
            return null;
        }
        Services.ServerTime[] before = new Services.ServerTime[1];
        Cpu[] cpu = new Cpu[1];
        Load.Outcome outcome;
        try {
            outcome = Load.run(clients, client, warmup, samples, cap, () -> {
                before[0] = serverUri == null ? null : services.serverTime(false, serverUri);
                cpu[0] = Cpu.now();
            });
        } finally {
            closeClientConnections();
        }
        String used = Cpu.now().since(cpu[0]);
        String note = notes(outcome, serverUri == null ? null : services.serverTime(false, serverUri).since(before[0]),
                used);
        if (outcome.latency().samples() < samples * clients) {
            note = (note == null ? "" : note + "; ") + "stopped by its time cap of " + cap.toSeconds() + " s";
        }
        report.add(new Report.Measurement(operation, clients, outcome.latency(), outcome.perSecond(), baseline,
                baselineOutcome == null ? null : baselineOutcome.latency(), note));
        if (baselineOutcome != null && outcome.latency().samples() > 0) {
            if (operation.contains("ancestors")) {
                readTargets("ancestors", outcome, baselineOutcome, clients, 5, 3);
            } else if (operation.contains("management-chain")) {
                readTargets("management chain", outcome, baselineOutcome, clients, 5, 3);
            } else if (operation.contains("approval-chain")) {
                readTargets("approval chain", outcome, baselineOutcome, clients, 5, 5);
            } else if (operation.contains("subtree")) {
                readTargets("1k subtree", outcome, baselineOutcome, clients, 2, 10);
            }
        }
        return outcome;
    }

    /** The server-side mean, stalls over a second, errors (where there are any) and the CPU used. */
    private static String notes(Load.Outcome outcome, Services.ServerTime server, String cpu) {
        List<String> notes = new ArrayList<>();
        if (server != null && server.count() > 0) {
            notes.add(String.format("server mean %.2f ms", server.meanMillis()));
        }
        notes.add(cpu);
        if (outcome.overOneSecond() > 0) {
            notes.add(outcome.overOneSecond() + " over 1 s");
        }
        if (outcome.errors() > 0) {
            notes.add(outcome.errors() + " errors, first: " + outcome.firstError());
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private IntFunction<Load.Operation> rest(String path) {
        return rest(path, viewer);
    }

    /** Each client its own kept-alive connection to the query side, closed after the measurement. */
    private IntFunction<Load.Operation> rest(String path, String token) {
        return c -> {
            KeepAliveHttp http = services.queryConnection();
            clientConnections.add(http);
            return i -> {
                Http.Response response = http.get(path, token);
                expect(response.status(), 200, response.body());
            };
        };
    }

    @FunctionalInterface
    private interface RawQuery {
        List<UUID> run(RawSql sql) throws SQLException;
    }

    /** Each client its own connection, opened before the clock starts, closed after the measurement. */
    private IntFunction<Load.Operation> raw(RawQuery query) {
        return c -> {
            try {
                RawSql sql = new RawSql(owner());
                clientConnections.add(sql);
                return i -> {
                    if (query.run(sql).isEmpty()) {
                        throw new IllegalStateException("raw SQL answered no rows");
                    }
                };
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    // ---- commands on the big tree -----------------------------------------------------------------------------

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
        untilCompiled("moves and renames for 4 s each a round, 1 client", COMMAND_WARMUP_ROUNDS, () -> {
            warmUpRound(1, move, Duration.ofSeconds(4));
            warmUpRound(1, rename, Duration.ofSeconds(4));
        });
    }

    /** Moves that keep the tree valid: a depth-12 leaf goes to a neighbouring depth-11 department and back. */
    private IntFunction<Load.Operation> moves(List<int[]> leaves, int[] currentParent, int clients) {
        return c -> {
            KeepAliveHttp http = services.commandConnection();
            clientConnections.add(http);
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
            clientConnections.add(http);
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
            closeClientConnections();
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

    // ---- many tenants -----------------------------------------------------------------------------------------

    private double tenantsPerSecond = Double.NaN;

    /** 16 clients, each creating units in its own 4 of 64 small tenants: commands that never wait for each other. */
    private void acrossTenants() throws Exception {
        if (budget.remaining().compareTo(Duration.ofSeconds(60)) < 0) {
            report.problem("skipped for lack of time: commands across tenants");
            return;
        }
        long start = System.nanoTime();
        int tenants = 64;
        List<UUID> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<UUID> roots = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            Http.Response created = services.commands().post(API.substring(0, API.length() - 1), admin,
                    Http.newTenant("bench-small-" + t + "-" + UUID.randomUUID().toString().substring(0, 6), "STANDARD"));
            require(created, 201);
            UUID id = UUID.fromString(created.json().get("tenantId").asText());
            require(services.commands().post(API + id + "/activate", admin, "{}"), 200);
            String token = TestTokens.forTenant(id, "bench-editor", "ORG_EDITOR");
            Http.Response root = services.commands().post(API + id + "/units", token,
                    "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT\",\"name\":\"Root\",\"country\":\"DE\",\"currency\":\"EUR\"}");
            require(root, 201);
            ids.add(id);
            tokens.add(token);
            roots.add(UUID.fromString(root.json().get("unitId").asText()));
        }
        report.step("create 64 small ACTIVE tenants with a root unit (192 commands)", seconds(start), null);
        AtomicLong codes = new AtomicLong();
        int clients = 16;
        IntFunction<Load.Operation> client = c -> {
            KeepAliveHttp http = services.commandConnection();
            clientConnections.add(http);
            return i -> {
                int t = c + clients * (int) (i % (tenants / clients));
                Http.Response unit = http.post(API + ids.get(t) + "/units", tokens.get(t),
                        "{\"type\":\"DEPARTMENT\",\"code\":\"D" + codes.incrementAndGet() + "\",\"name\":\"Department\","
                                + "\"parentId\":\"" + roots.get(t) + "\"}");
                expect(unit.status(), 201, unit.body());
            };
        };
        String uri = "/api/v1/tenants/{tenantId}/units";
        Services.ServerTime[] before = new Services.ServerTime[1];
        Cpu[] cpu = new Cpu[1];
        Load.Outcome outcome;
        Load.WarmedUp warmedUp;
        try {
            // rounds of 10 s until the JIT settles: these are the first creates of the run, and after 2 s the JIT's
            // C2 compiler still took a quarter of a core through the measurement (top -H)
            warmedUp = Load.untilCompiled(3, () -> warmUpRound(clients, client, Duration.ofSeconds(10)));
            outcome = Load.runFor(clients, client, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> {
                before[0] = services.serverTime(true, uri);
                cpu[0] = Cpu.now();
            });
        } finally {
            closeClientConnections();
        }
        String used = Cpu.now().since(cpu[0]) + "; warm-up " + warmedUp;
        tenantsPerSecond = outcome.perSecond();
        report.add(new Report.Measurement("POST units (create) across 64 tenants", clients, outcome.latency(),
                outcome.perSecond(), null, null, notes(outcome, services.serverTime(true, uri).since(before[0]), used)));
        report.target("commands/s across tenants, 16 clients", String.format("%.0f/s", outcome.perSecond()),
                ">= 2,000/s", outcome.perSecond() >= 2000);
    }

    /** The database's own limit for small committed appends: single-row INSERTs, autocommit, 16 connections. */
    private void appendFloor() throws Exception {
        if (budget.remaining().compareTo(Duration.ofSeconds(25)) < 0) {
            report.problem("skipped for lack of time: raw append floor");
            return;
        }
        try (Connection owner = owner(); Statement ddl = owner.createStatement()) {
            ddl.execute("create schema if not exists bench_scratch");
            ddl.execute("""
                    create table if not exists bench_scratch.append_floor (
                        global_index bigserial primary key,
                        event_identifier uuid not null unique,
                        aggregate_identifier varchar(255) not null,
                        sequence_number bigint not null,
                        payload bytea not null,
                        unique (aggregate_identifier, sequence_number))""");
        }
        byte[] payload = new byte[400];
        new Random(1).nextBytes(payload);
        AtomicLong sequence = new AtomicLong();
        // one connection: the latency of a single committed append (what a sequential command pays at least)
        appendFloor(1, payload, sequence, Duration.ofSeconds(5));
        Load.Outcome outcome = appendFloor(16, payload, sequence, Duration.ofSeconds(10));
        if (!Double.isNaN(tenantsPerSecond)) {
            double share = tenantsPerSecond / outcome.perSecond();
            report.target("commands/s across tenants vs raw append floor", String.format("%.0f/s of %.0f/s = %.1f%%",
                    tenantsPerSecond, outcome.perSecond(), 100 * share), ">= 12%", share >= 0.12);
        }
    }

    private Load.Outcome appendFloor(int clients, byte[] payload, AtomicLong sequence, Duration measured)
            throws InterruptedException {
        IntFunction<Load.Operation> client = c -> {
            try {
                Connection connection = owner();
                clientConnections.add(connection);
                PreparedStatement insert = connection.prepareStatement("insert into bench_scratch.append_floor "
                        + "(event_identifier, aggregate_identifier, sequence_number, payload) values (?, ?, ?, ?)");
                return i -> {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "floor-" + c);
                    insert.setLong(3, sequence.incrementAndGet());
                    insert.setBytes(4, payload);
                    insert.executeUpdate();
                };
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        Cpu[] cpu = new Cpu[1];
        Load.Outcome outcome;
        try {
            outcome = Load.runFor(clients, client, Duration.ofSeconds(1), measured, () -> cpu[0] = Cpu.now());
        } finally {
            closeClientConnections();
        }
        report.add(new Report.Measurement("raw SQL: single-row INSERT, autocommit (append floor)", clients,
                outcome.latency(), outcome.perSecond(), null, null, notes(outcome, null, Cpu.now().since(cpu[0]))));
        return outcome;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private final List<AutoCloseable> clientConnections = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Untimed requests on connections of their own, closed afterwards: one round of a warm-up. */
    private void warmUpRound(int clients, IntFunction<Load.Operation> client, Duration duration)
            throws InterruptedException {
        try {
            Load.warmUp(clients, client, duration);
        } finally {
            closeClientConnections();
        }
    }

    private void closeClientConnections() {
        for (AutoCloseable connection : clientConnections) {
            try {
                connection.close();
            } catch (Exception e) {
                // the measurement is over; a connection that will not close does not change it
            }
        }
        clientConnections.clear();
    }

    private static Connection owner() throws SQLException {
        TestDatabase database = TestDatabase.get();
        return database.connect(database.accounts().owner());
    }

    /** The {@code field} of every item of a 200 answer's {@code items}. */
    static List<UUID> ids(Http.Response response, String field) {
        return ids(response, field, "items");
    }

    private static List<UUID> ids(Http.Response response, String field, String list) {
        expect(response.status(), 200, response.body());
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : response.json().get(list)) {
            ids.add(UUID.fromString(item.get(field).asText()));
        }
        return ids;
    }

    private static void require(Http.Response response, int status) {
        expect(response.status(), status, response.body());
    }

    static void expect(int actual, int expected, String body) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but got " + actual + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The benchmark's time budget: phases ask it how much time they may take. */
    static final class Budget {

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
}
