package dev.orgservice.benchmarks;

import dev.orgservice.platform.testing.TestDatabase;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine and database a benchmark ran on, written beside every measurement. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            machine.put("memory_gb", Math.round(sun.getTotalMemorySize() / 1e9));
        }
        machine.put("max_heap_gb", Math.round(Runtime.getRuntime().maxMemory() / 1e8) / 10.0);
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        String external = System.getenv("ORG_TEST_DB_URL");
        machine.put("database", external == null || external.isBlank() ? "embedded PostgreSQL"
                : external.replaceFirst("^jdbc:postgresql://([^/]*)/.*$", "PostgreSQL at $1"));
        TestDatabase database = TestDatabase.get();
        try (Connection owner = database.connect(database.accounts().owner());
             Statement statement = owner.createStatement();
             ResultSet row = statement.executeQuery("select version()")) {
            row.next();
            machine.put("postgres", row.getString(1).replaceFirst(" on .*$", ""));
            try (ResultSet settings = statement.executeQuery("select current_setting('autovacuum'), "
                    + "current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
                settings.next();
                machine.put("autovacuum", settings.getString(1));
                machine.put("synchronous_commit", settings.getString(2));
                machine.put("shared_buffers", settings.getString(3));
            }
        } catch (SQLException e) {
            machine.put("postgres", "unknown: " + e.getMessage());
        }
        machine.put("load_average_start", os.getSystemLoadAverage());
        return machine;
    }
}
