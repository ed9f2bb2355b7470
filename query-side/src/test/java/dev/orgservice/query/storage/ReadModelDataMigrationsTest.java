package dev.orgservice.query.storage;

import dev.orgservice.platform.db.JdbcUrls;
import dev.orgservice.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model's data migrations on rows the projections wrote before them: a database of its own, migrated up to
 * the version before, given such rows as the owner, then migrated to the end.
 */
class ReadModelDataMigrationsTest {

    private static final UUID TENANT = UUID.randomUUID();

    private final String database = "org_migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private String url;

    @BeforeEach
    void aDatabaseOfItsOwn() throws SQLException {
        TestDatabase test = TestDatabase.get();
        try (Connection admin = test.connectAsAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("create database " + database + " owner " + test.accounts().owner().user());
        }
        url = JdbcUrls.withDatabase(test.url(), database);
    }

    @AfterEach
    void dropIt() throws SQLException {
        try (Connection admin = TestDatabase.get().connectAsAdmin(); Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void aPositionsFirstRoleCountsFromItsCreationAndAdjoiningHoldingsOfOnePersonAreJoined() throws SQLException {
        migrate("19");
        // as the projection wrote them until V20: a first run from -infinity; a move recorded for a date before the
        // position's creation; holdings of one person renewed without a break, and one with a break
        owner("""
                insert into read_model.position_line (position_id, valid_from, valid_to, tenant_id, unit_id, manager,
                                                      created_at, lines_from, role_since)
                values ('00000000-0000-0000-0000-000000000001', '-infinity', null, '%1$s', '%2$s', true,
                        '2026-11-01', '-infinity', '-infinity'),
                       ('00000000-0000-0000-0000-000000000002', '-infinity', '2020-01-01', '%1$s', '%2$s', false,
                        '2026-11-02', '-infinity', '-infinity'),
                       ('00000000-0000-0000-0000-000000000002', '2020-01-01', null, '%1$s', '%3$s', false,
                        '2026-11-02', '-infinity', '2020-01-01');
                insert into read_model.position_holder (position_id, valid_from, valid_to, tenant_id, person_id)
                values ('00000000-0000-0000-0000-000000000001', '2020-01-01', '2024-01-01', '%1$s', 'x'),
                       ('00000000-0000-0000-0000-000000000001', '2024-01-01', null, '%1$s', 'x'),
                       ('00000000-0000-0000-0000-000000000002', '2020-01-01', '2021-01-01', '%1$s', 'x'),
                       ('00000000-0000-0000-0000-000000000002', '2021-01-01', '2022-01-01', '%1$s', 'y'),
                       ('00000000-0000-0000-0000-000000000002', '2022-01-01', '2023-01-01', '%1$s', 'x'),
                       ('00000000-0000-0000-0000-000000000002', '2023-01-01', null, '%1$s', 'x')
                """.formatted(TENANT, UUID.randomUUID(), UUID.randomUUID()));

        migrate("21");

        assertThat(rows("select position_id, valid_from, role_since from read_model.position_line "
                + "order by position_id, valid_from")).containsExactly(
                "00000000-0000-0000-0000-000000000001 -infinity 2026-11-01 00:00:00+00",
                "00000000-0000-0000-0000-000000000002 -infinity 2026-11-02 00:00:00+00",
                "00000000-0000-0000-0000-000000000002 2020-01-01 00:00:00+00 2020-01-01 00:00:00+00");
        assertThat(rows("select position_id, valid_from, coalesce(valid_to::text, 'open'), person_id "
                + "from read_model.position_holder order by position_id, valid_from")).containsExactly(
                "00000000-0000-0000-0000-000000000001 2020-01-01 00:00:00+00 open x",
                "00000000-0000-0000-0000-000000000002 2020-01-01 00:00:00+00 2021-01-01 00:00:00+00 x",
                "00000000-0000-0000-0000-000000000002 2021-01-01 00:00:00+00 2022-01-01 00:00:00+00 y",
                "00000000-0000-0000-0000-000000000002 2022-01-01 00:00:00+00 open x");
    }

    @Test
    void aMoveOrChangeOfRoleForADateBeforeThePositionsCreationCountsFromTheCreation() throws SQLException {
        migrate("21");
        // as the projection wrote them until V22: a move, and a change of role, recorded for dates before creation
        owner("""
                insert into read_model.position_line (position_id, valid_from, valid_to, tenant_id, unit_id, manager,
                                                      created_at, lines_from, role_since)
                values ('00000000-0000-0000-0000-000000000001', '-infinity', '2020-01-01', '%1$s', '%2$s', false,
                        '2026-11-01', '-infinity', '2026-11-01'),
                       ('00000000-0000-0000-0000-000000000001', '2020-01-01', '2030-01-01', '%1$s', '%3$s', false,
                        '2026-11-01', '-infinity', '2020-01-01'),
                       ('00000000-0000-0000-0000-000000000001', '2030-01-01', null, '%1$s', '%3$s', true,
                        '2026-11-01', '-infinity', '2030-01-01'),
                       ('00000000-0000-0000-0000-000000000002', '-infinity', '2024-01-01', '%1$s', '%2$s', false,
                        '2026-11-02', '-infinity', '2026-11-02'),
                       ('00000000-0000-0000-0000-000000000002', '2024-01-01', null, '%1$s', '%2$s', true,
                        '2026-11-02', '-infinity', '2024-01-01')
                """.formatted(TENANT, UUID.randomUUID(), UUID.randomUUID()));

        migrate(null);

        assertThat(rows("select position_id, valid_from, role_since from read_model.position_line "
                + "order by position_id, valid_from")).containsExactly(
                "00000000-0000-0000-0000-000000000001 -infinity 2026-11-01 00:00:00+00",
                "00000000-0000-0000-0000-000000000001 2020-01-01 00:00:00+00 2026-11-01 00:00:00+00",
                "00000000-0000-0000-0000-000000000001 2030-01-01 00:00:00+00 2030-01-01 00:00:00+00",
                "00000000-0000-0000-0000-000000000002 -infinity 2026-11-02 00:00:00+00",
                "00000000-0000-0000-0000-000000000002 2024-01-01 00:00:00+00 2026-11-02 00:00:00+00");
    }

    private void migrate(String target) {
        TestDatabase test = TestDatabase.get();
        var configuration = Flyway.configure()
                .dataSource(url, test.accounts().owner().user(), test.accounts().owner().password())
                .schemas("read_model")
                .locations("classpath:db/read-model")
                .placeholders(Map.of("projector_role", test.accounts().projector().user(),
                        "api_role", test.accounts().api().user()));
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private void owner(String sql) throws SQLException {
        try (Connection connection = ownerConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set timezone = 'UTC'");
            statement.execute(sql);
        }
    }

    /** Each row's columns as text, joined by spaces, in UTC. */
    private List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = ownerConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set timezone = 'UTC'");
            try (ResultSet result = statement.executeQuery(query)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        values.add(result.getString(column));
                    }
                    rows.add(String.join(" ", values));
                }
            }
        }
        return rows;
    }

    private Connection ownerConnection() throws SQLException {
        var owner = TestDatabase.get().accounts().owner();
        return DriverManager.getConnection(url, owner.user(), owner.password());
    }
}
