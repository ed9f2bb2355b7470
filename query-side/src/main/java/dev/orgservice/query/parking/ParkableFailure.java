package dev.orgservice.query.parking;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Which failures of a projection's handler are about the event (park its tenant, go on with the others) and which
 * are about the service or the database (the processor stops and retries, as before parking existed): a deploy
 * without its migration or a database outage must not park every tenant one by one.
 */
final class ParkableFailure {

    /**
     * SQLSTATE classes of a value the read model cannot take: data exception (22, e.g. a date out of range),
     * integrity constraint violation (23) and an exception raised by PL/pgSQL (P0). Every other class (connection,
     * rollback, timeout, undefined column, insufficient privilege...) stops the processor.
     */
    private static final Set<String> EVENT_CLASSES = Set.of("22", "23", "P0");

    private ParkableFailure() {
    }

    static boolean parks(Throwable failure) {
        if (!(failure instanceof Exception)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && state.length() == 5 && EVENT_CLASSES.contains(state.substring(0, 2));
            }
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotGetJdbcConnectionException || cause instanceof TransactionException) {
                return false;
            }
        }
        // the handler's own failure on this event's content: a null, an unexpected value, a payload it cannot read
        return true;
    }

    /** What the operators see of a failure: its root cause's type and message, at most 2,000 characters. */
    static String describe(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
