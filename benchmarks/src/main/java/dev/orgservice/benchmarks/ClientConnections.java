package dev.orgservice.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/** The connections the load clients of a measurement opened (HTTP or JDBC): closed together once it is over. */
final class ClientConnections {

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    void add(AutoCloseable connection) {
        open.add(connection);
    }

    void closeAll() {
        for (AutoCloseable connection : open) {
            try {
                connection.close();
            } catch (Exception e) {
                // the measurement is over; a connection that will not close does not change it
            }
        }
        open.clear();
    }

    /** Untimed requests on connections of their own, closed afterwards: one round of a warm-up. */
    void warmUpRound(int clients, IntFunction<Load.Operation> client, Duration duration) throws InterruptedException {
        try {
            Load.warmUp(clients, client, duration);
        } finally {
            closeAll();
        }
    }
}
