package dev.orgservice.platform.db;

/**
 * The database and the four roles of the service (docs/operations.md): the owner runs Flyway and owns
 * every table; the command role appends events; the projector writes read models for every tenant; the
 * api role reads read models under row-level security and owns nothing.
 */
public record DatabaseAccounts(String database, Account owner, Account command, Account projector, Account api) {

    public record Account(String user, String password) {
    }

    /** The names the local run uses; passwords are local-only defaults. */
    public static DatabaseAccounts localDefaults() {
        return withSuffix("orgservice", "");
    }

    public static DatabaseAccounts withSuffix(String database, String suffix) {
        return new DatabaseAccounts(database,
                new Account("org_owner" + suffix, "org_owner_local"),
                new Account("org_command" + suffix, "org_command_local"),
                new Account("org_projector" + suffix, "org_projector_local"),
                new Account("org_api" + suffix, "org_api_local"));
    }
}
