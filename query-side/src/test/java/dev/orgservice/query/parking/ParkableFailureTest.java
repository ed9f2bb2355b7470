package dev.orgservice.query.parking;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ParkableFailureTest {

    @Test
    void aValueTheReadModelCannotTakeParksItsTenant() {
        assertThat(ParkableFailure.parks(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isTrue();
        assertThat(ParkableFailure.parks(new RuntimeException(new SQLException("date out of range", "22008")))).isTrue();
        assertThat(ParkableFailure.parks(new RuntimeException(new SQLException("raised", "P0001")))).isTrue();
        assertThat(ParkableFailure.parks(new NullPointerException("a field the handler expected"))).isTrue();
    }

    @Test
    void aFailureOfTheServiceOrTheDatabaseStopsTheProcessorInstead() {
        assertThat(ParkableFailure.parks(new QueryTimeoutException("timeout",
                new SQLException("canceling statement due to statement timeout", "57014")))).isFalse();
        assertThat(ParkableFailure.parks(new BadSqlGrammarException("read", "select missing_column",
                new SQLException("column does not exist", "42703")))).isFalse();
        assertThat(ParkableFailure.parks(new RuntimeException(new SQLException("deadlock detected", "40P01")))).isFalse();
        assertThat(ParkableFailure.parks(new CannotGetJdbcConnectionException("pool exhausted"))).isFalse();
        assertThat(ParkableFailure.parks(new RuntimeException(new SQLException("no state")))).isFalse();
        assertThat(ParkableFailure.parks(new OutOfMemoryError())).isFalse();
    }
}
