package dev.orgservice.platform.problem;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Whether a failure is the database not answering in time, with nothing done, rather than a fault: Spring's transient
 * exceptions (a query timeout, a lock not acquired, a deadlock), no connection from the pool, and, where a library
 * reports PostgreSQL's error as it came (Axon's event store), its SQL state: the statement timeout or a cancel
 * (57014), a lock not available (55P03), too many connections (53300), a serialization failure or deadlock that
 * Axon's retries did not get past (40001, 40P01). Each of these rolled the transaction back, so the client may
 * simply send the request again. A connection lost mid-request is not among them: a command's commit may or may not
 * have happened, and that stays a 500 to look into.
 */
public final class DatabaseBusy {

    private static final Set<String> STATES = Set.of("57014", "55P03", "53300", "40001", "40P01");

    private DatabaseBusy() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
