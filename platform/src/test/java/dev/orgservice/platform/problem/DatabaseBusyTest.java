package dev.orgservice.platform.problem;

import dev.orgservice.api.error.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that does not answer in time is 503 with Retry-After, whether Spring translated the failure (a query
 * timeout, no free connection) or a library reports PostgreSQL's SQL state as it came (Axon's event store); other
 * database failures, a lost connection among them (a commit may have happened), stay 500.
 */
class DatabaseBusyTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/tenants/t/units");

    @Test
    void aTimeoutOrNoConnectionIsUnavailableNotAServerError() {
        assertUnavailable(new QueryTimeoutException("canceling statement due to statement timeout"));
        assertUnavailable(new CannotGetJdbcConnectionException("pool exhausted",
                new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms")));
        assertUnavailable(new CommandExecutionException("failed", new EventStoreException("append failed",
                new SQLException("canceling statement due to statement timeout", "57014"))));
        assertUnavailable(new IllegalStateException("deadlock", new SQLException("deadlock detected", "40P01")));
    }

    @Test
    void aServiceThatRefusesWorkAsUnavailableSaysWhenToRetryToo() {
        ResponseEntity<Object> answer = new ProblemAdvice().rule(
                new OrgException(ErrorCode.UNAVAILABLE, "The tenant's organization tree is busy"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    }

    @Test
    void otherDatabaseFailuresStayServerErrors() {
        ResponseEntity<Object> answer = new ProblemAdvice().unexpected(
                new DataIntegrityViolationException("null value in column"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        answer = new ProblemAdvice().unexpected(new IllegalStateException("bad",
                new SQLException("column does not exist", "42703")), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        answer = new ProblemAdvice().unexpected(new IllegalStateException("lost",
                new SQLException("connection reset", "08006")), request);
        assertThat(answer.getStatusCode().value()).as("a commit may have happened").isEqualTo(500);
    }

    private void assertUnavailable(Exception failure) {
        ResponseEntity<Object> answer = new ProblemAdvice().unexpected(failure, request);
        assertThat(answer.getStatusCode().value()).as(failure.toString()).isEqualTo(503);
        assertThat(((ProblemDetail) answer.getBody()).getType().toString()).endsWith("/unavailable");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
    }
}
