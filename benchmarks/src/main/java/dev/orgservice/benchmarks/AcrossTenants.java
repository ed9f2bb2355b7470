package dev.orgservice.benchmarks;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import static dev.orgservice.benchmarks.StructureBenchmark.API;
import static dev.orgservice.benchmarks.StructureBenchmark.expect;
import static dev.orgservice.benchmarks.StructureBenchmark.notes;
import static dev.orgservice.benchmarks.StructureBenchmark.owner;
import static dev.orgservice.benchmarks.StructureBenchmark.require;
import static dev.orgservice.benchmarks.StructureBenchmark.seconds;

/**
 * The structure benchmark's last phase: commands/s with 16 clients over 64 small tenants, beside the database's
 * own floor for small committed appends (single-row INSERTs, autocommit, 16 connections).
 */
final class AcrossTenants extends StructurePhase {

    private final String admin = TestTokens.platformAdmin();

    AcrossTenants(Report report, Budget budget, Services services, ClientConnections connections) {
        super(report, budget, services, connections);
    }

    @Override
    void run() throws Exception {
        appendFloor(acrossTenants());
    }

    /** 16 clients, each creating units in its own 4 of 64 small tenants: commands that never wait for each other. */
    private double acrossTenants() throws Exception {
        if (budget.remaining().compareTo(Duration.ofSeconds(60)) < 0) {
            report.problem("skipped for lack of time: commands across tenants");
            return Double.NaN;
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
            connections.add(http);
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
            warmedUp = Load.untilCompiled(3, () -> connections.warmUpRound(clients, client, Duration.ofSeconds(10)));
            outcome = Load.runFor(clients, client, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> {
                before[0] = services.serverTime(true, uri);
                cpu[0] = Cpu.now();
            });
        } finally {
            connections.closeAll();
        }
        String used = Cpu.now().since(cpu[0]) + "; warm-up " + warmedUp;
        report.add(new Report.Measurement("POST units (create) across 64 tenants", clients, outcome.latency(),
                outcome.perSecond(), null, null, notes(outcome, services.serverTime(true, uri).since(before[0]), used)));
        report.target("commands/s across tenants, 16 clients", String.format("%.0f/s", outcome.perSecond()),
                ">= 2,000/s", outcome.perSecond() >= 2000);
        return outcome.perSecond();
    }

    /** The database's own limit for small committed appends: single-row INSERTs, autocommit, 16 connections. */
    private void appendFloor(double tenantsPerSecond) throws Exception {
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
                connections.add(connection);
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
            connections.closeAll();
        }
        report.add(new Report.Measurement("raw SQL: single-row INSERT, autocommit (append floor)", clients,
                outcome.latency(), outcome.perSecond(), null, null, notes(outcome, null, Cpu.now().since(cpu[0]))));
        return outcome;
    }
}
