package dev.orgservice.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon that an append failed on the store's unique (aggregate, sequence) key: another writer appended
 * first. Axon's error-code resolver misses PostgreSQL's batch failures (error code 0, SQLState in a nested
 * exception), which would turn a plain concurrency conflict into a 500; SQLState 23505 is unambiguous.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
