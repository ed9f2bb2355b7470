package dev.orgservice.query.storage;

import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import dev.orgservice.query.tenant.TenantTestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
        assertThat(policies).isEqualTo(15); // 13 by tenant, 2 for platform operators (V19)
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
