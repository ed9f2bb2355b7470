package dev.orgservice.platform.db;

/** Small helpers for PostgreSQL JDBC URLs. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /** The same server and parameters, another database: {@code jdbc:postgresql://h:p/postgres?x} -> {@code .../db?x}. */
    public static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int pathStart = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String server = jdbcUrl.substring(0, pathStart < 0 ? (query < 0 ? jdbcUrl.length() : query) : pathStart);
        String parameters = query < 0 ? "" : jdbcUrl.substring(query);
        return server + "/" + database + parameters;
    }
}
