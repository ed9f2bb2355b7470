package dev.orgservice.platform.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances creating the same aggregate: Axon reports the loser's first event with its own exception type, not
 * a ConcurrencyException. It is a conflict like any other (409 concurrent-change), not a server error.
 */
class ConcurrentCreationTest {

    @Test
    void aCreationThatLostTheRaceIsAConflictNotAServerError() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tenants");
        ResponseEntity<Object> answer = new ProblemAdvice().unexpected(new CommandExecutionException("failed",
                new AggregateStreamCreationException("an aggregate with that id was created meanwhile")), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) answer.getBody()).getType().toString()).endsWith("/concurrent-change");
    }
}
