package dev.orgservice.platform.db;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small helpers for PostgreSQL JDBC URLs. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * The same server and parameters, another database: {@code jdbc:postgresql://h:p/postgres?x} -> {@code .../db?x}.
     * Credentials in the URL are dropped: the driver prefers them over the ones passed to it, which would
     * silently connect every role as the administrator.
     */
    public static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int pathStart = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String server = jdbcUrl.substring(0, pathStart < 0 ? (query < 0 ? jdbcUrl.length() : query) : pathStart);
        String parameters = query < 0 ? "" : Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith("user=") && !p.startsWith("password=") && !p.isEmpty())
                .collect(Collectors.joining("&"));
        return server + "/" + database + (parameters.isEmpty() ? "" : "?" + parameters);
    }
}
