package dev.orgservice.query.storage;

import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.tenant.TenantFeatureToggledEvent;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import dev.orgservice.query.tenant.TenantTestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The attack, not the happy path: queries that forget their tenant filter still see one tenant only. */
class RowLevelSecurityTest extends QuerySideIntegrationTest {

    @Autowired
    private TenantScopedReads reads;

    private TenantId alpha;
    private TenantId beta;

    @BeforeEach
    void twoTenants() {
        alpha = TenantId.random();
        beta = TenantId.random();
        append("Tenant", alpha.toString(), 0, TenantTestEvents.created(alpha, "a-" + alpha.value().toString().substring(0, 8)));
        long position = append("Tenant", beta.toString(), 0,
                TenantTestEvents.created(beta, "b-" + beta.value().toString().substring(0, 8)));
        assertThat(http.get("/api/v1/tenants/" + beta + "?minPosition=" + position, TestTokens.platformAdmin()).status())
                .isEqualTo(200);
    }

    @Test
    void aQueryWithoutATenantFilterSeesOnlyTheTenantOfItsTransaction() {
        List<UUID> visible = reads.forTenant(alpha.value(),
                sql -> sql.getJdbcTemplate().queryForList("select tenant_id from read_model.tenant", UUID.class));

        assertThat(visible).containsExactly(alpha.value());
    }

    @Test
    void theApiRoleWithoutATenantSeesNothingAtAll() throws Exception {
        var api = TestDatabase.get().accounts().api();
        try (Connection connection = TestDatabase.get().connect(api); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from read_model.tenant")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
        }
    }

    @Test
    void everyTenantPolicyReadsTheTenantOncePerStatementNotOncePerRow() throws Exception {
        List<String> perRow = new ArrayList<>();
        int policies = 0;
        try (Connection connection = TestDatabase.get().connect(TestDatabase.get().accounts().owner());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select tablename, qual from pg_policies "
                     + "where schemaname = 'read_model' and policyname in ('tenant_isolation', 'platform_operators')")) {
            while (rows.next()) {
                policies++;
                // an InitPlan: each current_setting inside a scalar subquery of its own (V7__rls_once_per_statement.sql)
                String qual = rows.getString("qual");
                if (occurrences(qual, "current_setting(") != occurrences(qual, "( SELECT ")) {
                    perRow.add(rows.getString("tablename") + ": " + qual);
                }
            }
        }
        assertThat(policies).isEqualTo(16); // 14 by tenant, 2 for platform operators (V19)
        assertThat(perRow).isEmpty();
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void theApiRoleCannotWriteReadModels() throws Exception {
        var api = TestDatabase.get().accounts().api();
        try (Connection connection = TestDatabase.get().connect(api); Statement statement = connection.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    statement.executeUpdate("delete from read_model.tenant")).hasMessageContaining("permission denied");
        }
    }

    @Test
    void pooledConnectionsNeverCarryOneTenantsContextIntoAnothersRead() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> interleaved = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                UUID tenant = (i % 2 == 0 ? alpha : beta).value();
                interleaved.add(() -> reads.forTenant(tenant,
                        sql -> sql.getJdbcTemplate().queryForList("select tenant_id from read_model.tenant", UUID.class))
                        .equals(List.of(tenant)));
            }
            for (Future<Boolean> sawOnlyItsOwn : clients.invokeAll(interleaved)) {
                assertThat(sawOnlyItsOwn.get()).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        List<UUID> afterwards = reads.forTenant(UUID.randomUUID(),
                sql -> sql.getJdbcTemplate().queryForList("select tenant_id from read_model.tenant", UUID.class));
        assertThat(afterwards).isEmpty();
    }

    @Test
    void aTenantFunctionAnswersOnlyTheTenantItIsGivenAndLeavesNoTenantOnTheConnection() throws Exception {
        UUID root = UUID.randomUUID();
        UUID department = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(60);
        UUID head = UUID.randomUUID();
        UUID clerk = UUID.randomUUID();
        long position = append("OrganizationTree", "org-tree-" + beta, 0, List.of(
                new UnitCreatedEvent(beta.value(), root, UnitType.LEGAL_ENTITY, "R", "Root", null, created, UnitDetails.NONE),
                new UnitCreatedEvent(beta.value(), department, UnitType.DEPARTMENT, "D", "Department", root, created,
                        UnitDetails.NONE),
                new PositionCreatedEvent(beta.value(), head, root, "Head", true, null, List.of()),
                new PositionCreatedEvent(beta.value(), clerk, department, "Clerk", false, null, List.of()),
                new PositionHolderAssignedEvent(beta.value(), head, "boss", created, null),
                new PositionHolderAssignedEvent(beta.value(), clerk, "clerk", created, null)));
        String units = "/api/v1/tenants/" + beta + "/units/";
        assertThat(http.get(units + department + "/ancestors?minPosition=" + position,
                TestTokens.forTenant(beta.value(), "viewer", "ORG_VIEWER")).status()).isEqualTo(200);

        String ancestors = "select unit_id from read_model.ancestors_of(?, ?, ?)";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(reads.inOneStatement(beta.value(), ancestors, (row, n) -> row.getObject(1, UUID.class), department,
                now)).containsExactly(root);
        // alpha's caller naming beta's unit: row-level security answers nothing, whatever the function is given
        assertThat(reads.inOneStatement(alpha.value(), ancestors, (row, n) -> row.getObject(1, UUID.class), department,
                now)).isEmpty();

        try (Connection api = TestDatabase.get().connect(TestDatabase.get().accounts().api())) {
            for (String call : List.of("select count(*) from read_model.ancestors_of(?, ?, ?)",
                    "select count(*) from read_model.children_of(?, ?, ?, 1000, 0)",
                    "select count(*) from read_model.subtree_of(?, ?, ?, 64, 1000, 0)")) {
                UUID unit = call.contains("ancestors") ? department : root;
                assertThat(count(api, call, beta.value(), unit, now)).as(call).isPositive();
                assertThat(count(api, call, alpha.value(), unit, now)).as(call + " for another tenant").isZero();
                // the tenant was set for that statement only: the connection, in autocommit, sees nothing again
                assertThat(count(api, "select count(*) from read_model.unit_parent")).as("after " + call).isZero();
            }
            String chain = "select count(position_id) from read_model.management_chain_of(?, ?, ?, ?)";
            assertThat(count(api, chain, beta.value(), "clerk", null, now)).as("the clerk's manager").isEqualTo(1);
            assertThat(count(api, chain, alpha.value(), "clerk", null, now)).as("for another tenant").isZero();
            assertThat(count(api, "select count(*) from read_model.position")).as("after the chain").isZero();
            assertThat(count(api, "select count(*) from read_model.position_line")).as("lines after the chain").isZero();
        }
    }

    @Test
    void theApiRoleInOneTenantsContextCountsNoRowOfAnotherTenantInAnyTable() throws Exception {
        seedEveryTable(alpha);
        seedEveryTable(beta);
        List<String> tables = tenantTables();
        awaitRowsOf(beta, tables.stream().filter(table -> !table.startsWith("parked_")).toList());

        List<String> unseeded = new ArrayList<>();
        List<String> leaking = new ArrayList<>();
        try (Connection admin = TestDatabase.get().connectAsAdmin(); Statement statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            try {
                // parked rows only inside this transaction: the parking retries must never meet them
                statement.execute("insert into read_model.parked_tenant (processor_name, tenant_id, first_position) "
                        + "values ('rls-test', '" + beta + "', 1)");
                statement.execute("insert into read_model.parked_event (processor_name, global_index, tenant_id, "
                        + "event_identifier, payload_type) values ('rls-test', 1, '" + beta + "', 'e', 'T')");
                for (String table : tables) {
                    if (count(admin, "select count(*) from read_model." + table + " where tenant_id = ?", beta.value()) == 0) {
                        unseeded.add(table);
                    }
                }
                statement.execute("set local role " + TestDatabase.get().accounts().api().user());
                statement.execute("select set_config('app.tenant_id', '" + alpha + "', true)");
                for (String table : tables) {
                    if (count(admin, "select count(*) from read_model." + table + " where tenant_id = ?", beta.value()) != 0) {
                        leaking.add(table);
                    }
                }
                assertThat(count(admin, "select count(*) from read_model.unit where tenant_id = ?", alpha.value()))
                        .as("the own tenant's rows, in the same context").isPositive();
            } finally {
                admin.rollback();
            }
        }
        assertThat(tables).as("read-model tables with a tenant_id under RLS").hasSizeGreaterThanOrEqualTo(14);
        assertThat(unseeded).as("tables the attack found empty").isEmpty();
        assertThat(leaking).isEmpty();
    }

    /** A unit, three positions with lines and a holder, a limit, a policy, a delegation and a feature switch. */
    private void seedEveryTable(TenantId tenant) {
        UUID root = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        UUID advisor = UUID.randomUUID();
        UUID clerk = UUID.randomUUID();
        Instant from = Instant.now().minusSeconds(60);
        append("Tenant", tenant.toString(), 1, new TenantFeatureToggledEvent(tenant, "bulk-import", true));
        append("OrganizationTree", "org-tree-" + tenant, 0, List.of(
                new UnitCreatedEvent(tenant.value(), root, UnitType.LEGAL_ENTITY, "R", "Root", null, from, UnitDetails.NONE),
                new UnitDetailsUpdatedEvent(tenant.value(), root, "Root renamed", UnitDetails.NONE),
                new PositionCreatedEvent(tenant.value(), head, root, "Head", true, null, List.of()),
                new PositionCreatedEvent(tenant.value(), advisor, root, "Advisor", false, head, List.of()),
                new PositionCreatedEvent(tenant.value(), clerk, root, "Clerk", false, head, List.of(advisor)),
                new PositionHolderAssignedEvent(tenant.value(), head, "boss", from, null),
                new ApprovalAuthorityGrantedEvent(tenant.value(), head, "PURCHASE_ORDER",
                        new Money(new BigDecimal("1000"), "EUR"), from),
                new ApprovalPolicyDefinedEvent(tenant.value(), "PURCHASE_ORDER", List.of(ApprovalStep.MANAGEMENT_CHAIN),
                        1, 8, from),
                new DelegationGrantedEvent(tenant.value(), UUID.randomUUID(), "boss", "clerk", List.of("PURCHASE_ORDER"),
                        null, null, from, from.plusSeconds(86_400))));
    }

    /** The read-model tables under row-level security that carry a {@code tenant_id}. */
    private static List<String> tenantTables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection admin = TestDatabase.get().connectAsAdmin(); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'read_model' and c.relkind = 'r' and c.relrowsecurity
                       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                                   and not a.attisdropped)
                     order by 1""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Waits (up to 15 s) until the projections stored rows of {@code tenant} in every one of {@code tables}. */
    private static void awaitRowsOf(TenantId tenant, List<String> tables) throws Exception {
        List<String> empty = new ArrayList<>(tables);
        try (Connection admin = TestDatabase.get().connectAsAdmin()) {
            for (int wait = 0; wait < 150 && !empty.isEmpty(); wait++) {
                empty.removeIf(table -> {
                    try {
                        return count(admin, "select count(*) from read_model." + table + " where tenant_id = ?",
                                tenant.value()) > 0;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                if (!empty.isEmpty()) {
                    Thread.sleep(100);
                }
            }
        }
    }

    private static long count(Connection connection, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void readModelTablesAreOwnedByTheOwnerAndGuardedByRowLevelSecurity() throws Exception {
        try (Connection admin = TestDatabase.get().connectAsAdmin(); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select c.relname, c.relrowsecurity, pg_get_userbyid(c.relowner)
                     from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'read_model' and c.relkind = 'r' and c.relname not in ('token_entry', 'flyway_schema_history')""")) {
            int tables = 0;
            while (rows.next()) {
                tables++;
                assertThat(rows.getBoolean(2)).as("RLS on " + rows.getString(1)).isTrue();
                assertThat(rows.getString(3)).isEqualTo(TestDatabase.get().accounts().owner().user());
            }
            assertThat(tables).isGreaterThanOrEqualTo(2);
        }
    }
}
