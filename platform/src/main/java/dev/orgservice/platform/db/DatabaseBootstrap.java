package dev.orgservice.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the service's database and roles with an administrator connection, idempotently. Used by the
 * local run and the tests; production provisions the same roles once (docs/operations.md).
 */
public final class DatabaseBootstrap {

    private DatabaseBootstrap() {
    }

    public static void ensure(String adminUrl, String adminUser, String adminPassword, DatabaseAccounts accounts) {
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, adminPassword)) {
            admin.setAutoCommit(true);
            for (DatabaseAccounts.Account role : List.of(accounts.owner(), accounts.command(), accounts.projector(),
                    accounts.api())) {
                if (!exists(admin, "select 1 from pg_roles where rolname = ?", role.user())) {
                    execute(admin, "select format('create role %I login password %L', ?, ?)", role.user(),
                            role.password());
                }
            }
            if (!exists(admin, "select 1 from pg_database where datname = ?", accounts.database())) {
                execute(admin, "select format('create database %I owner %I', ?, ?)", accounts.database(),
                        accounts.owner().user());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + accounts.database() + " and its roles", e);
        }
    }

    /** Drops what {@link #ensure} created; for throw-away test databases. */
    public static void drop(String adminUrl, String adminUser, String adminPassword, DatabaseAccounts accounts) {
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, adminPassword)) {
            admin.setAutoCommit(true);
            execute(admin, "select format('drop database if exists %I with (force)', ?)", accounts.database());
            for (DatabaseAccounts.Account role : List.of(accounts.api(), accounts.projector(), accounts.command(),
                    accounts.owner())) {
                execute(admin, "select format('drop role if exists %I', ?)", role.user());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + accounts.database(), e);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Builds the DDL with {@code format(%I, %L)} so names and passwords are quoted by PostgreSQL itself. */
    private static void execute(Connection connection, String formatSql, String... arguments) throws SQLException {
        String ddl;
        try (PreparedStatement format = connection.prepareStatement(formatSql)) {
            for (int i = 0; i < arguments.length; i++) {
                format.setString(i + 1, arguments[i]);
            }
            try (ResultSet rows = format.executeQuery()) {
                rows.next();
                ddl = rows.getString(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }
}
