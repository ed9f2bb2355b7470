package dev.orgservice.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeyResolverTest {

    private final DuplicateKeyResolver resolver = new DuplicateKeyResolver();

    @Test
    void recognisesAUniqueViolationNestedInABatchFailure() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 aborted", "23505", 0, new int[0]);
        batch.setNextException(new SQLException("duplicate key value", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", batch))).isTrue();

        BatchUpdateException wrapped = new BatchUpdateException("batch entry 0 aborted", null, 0, new int[0]);
        wrapped.setNextException(new SQLException("duplicate key value", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(wrapped)).isTrue();
    }

    @Test
    void doesNotMistakeOtherFailuresForConflicts() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL here"))).isFalse();
    }
}
