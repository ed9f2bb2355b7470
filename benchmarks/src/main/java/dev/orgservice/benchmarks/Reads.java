package dev.orgservice.benchmarks;

import dev.orgservice.platform.testing.Http;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import static dev.orgservice.benchmarks.StructureBenchmark.API;
import static dev.orgservice.benchmarks.StructureBenchmark.expect;
import static dev.orgservice.benchmarks.StructureBenchmark.ids;
import static dev.orgservice.benchmarks.StructureBenchmark.notes;
import static dev.orgservice.benchmarks.StructureBenchmark.owner;
import static dev.orgservice.benchmarks.StructureBenchmark.untilCompiled;

/**
 * The structure benchmark's reads at 1 and 4 clients: ancestors of a depth-12 unit, the management chain of a
 * depth-12 member, a subtree of about 1,000 units and an approval chain, each beside the best raw SQL for the same
 * question (once it has checked that both give the same rows) and beside the web stack's floors.
 */
final class Reads extends StructurePhase {

    /** The authenticated no-op: the whole filter chain with the viewer's token, no database. */
    private static final String ME = "/api/v1/me";
    private static final int SUBTREE_TARGET = 1_000;

    private final TreeBuilder tree;
    private final UUID tenant;
    private final String viewer;

    Reads(Report report, Budget budget, Services services, ClientConnections connections, TreeBuilder tree,
          UUID tenant, String viewer) {
        super(report, budget, services, connections);
        this.tree = tree;
        this.tenant = tenant;
        this.viewer = viewer;
    }

    @Override
    void run() throws Exception {
        verifyBaselinesAgree();
        reads();
    }

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
        untilCompiled(report, "every REST read for 4 s a round, 2 clients", 4, () -> {
            for (String path : paths) {
                connections.warmUpRound(2, rest(path), Duration.ofSeconds(4));
            }
        });
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
            connections.closeAll();
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

    private IntFunction<Load.Operation> rest(String path) {
        return rest(path, viewer);
    }

    /** Each client its own kept-alive connection to the query side, closed after the measurement. */
    private IntFunction<Load.Operation> rest(String path, String token) {
        return c -> {
            KeepAliveHttp http = services.queryConnection();
            connections.add(http);
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
                connections.add(sql);
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

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
