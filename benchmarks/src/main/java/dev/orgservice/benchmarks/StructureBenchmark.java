package dev.orgservice.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;

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
import java.util.UUID;

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
 * This class sets the tenant and its tree up; {@link Reads}, {@link CommandsOnTheTree} and {@link AcrossTenants} are
 * the phases after it.
 * Output: a table on the console and JSON under the directory given as the first argument. Run it with
 * {@code ./mvnw -B -Pbenchmark verify -pl benchmarks -am -DskipTests} (see benchmarks/README.md). Every phase
 * is bounded in time; a phase that fails or runs out of time is reported and the rest still runs.
 */
public final class StructureBenchmark {

    static final String API = "/api/v1/tenants/";
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(5);

    private final Report report;
    private final Budget budget;
    private final TreeBuilder tree;
    private final ApprovalSetup approvals;
    private final String admin = TestTokens.platformAdmin();
    /** Which phases after the setup run: {@code reads}, {@code commands}, {@code across} (for quick trials). */
    private final List<String> phases = List.of(System.getProperty("benchmark.phases", "reads,commands,across").split(","));
    private Services services;
    private final ClientConnections connections = new ClientConnections();
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
            new Reads(report, budget, services, connections, tree, tenant, viewer).run();
        }
        if (phases.contains("commands")) {
            new CommandsOnTheTree(report, budget, services, connections, tree, tenant, editor, viewer, helperUnitPath,
                    helperEditor).run();
        }
        if (phases.contains("across")) {
            new AcrossTenants(report, budget, services, connections).run();
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

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Warm-up rounds until the JIT settles ({@link Load#untilCompiled}), reported as a setup step. */
    static void untilCompiled(Report report, String rounds, int maxRounds, Load.WarmUpRound round)
            throws InterruptedException {
        long start = System.nanoTime();
        Load.WarmedUp warmedUp = Load.untilCompiled(maxRounds, round);
        report.step("warm-up: " + rounds + ", untimed, until the JIT settles", seconds(start), warmedUp.toString());
    }

    /** The server-side mean, stalls over a second, errors (where there are any) and the CPU used. */
    static String notes(Load.Outcome outcome, Services.ServerTime server, String cpu) {
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

    static Connection owner() throws SQLException {
        TestDatabase database = TestDatabase.get();
        return database.connect(database.accounts().owner());
    }

    /** The {@code field} of every item of a 200 answer's {@code items}. */
    static List<UUID> ids(Http.Response response, String field) {
        return ids(response, field, "items");
    }

    static List<UUID> ids(Http.Response response, String field, String list) {
        expect(response.status(), 200, response.body());
        List<UUID> ids = new ArrayList<>();
        for (JsonNode item : response.json().get(list)) {
            ids.add(UUID.fromString(item.get(field).asText()));
        }
        return ids;
    }

    static void require(Http.Response response, int status) {
        expect(response.status(), status, response.body());
    }

    static void expect(int actual, int expected, String body) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but got " + actual + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
