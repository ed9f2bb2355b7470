package dev.orgservice.command;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's timeouts are off (platform.yml); what bounds a command's wait for the database is PostgreSQL's
 * statement_timeout on the service's connections.
 */
class StatementTimeoutTest extends CommandSideIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theServicesConnectionsHaveAStatementTimeoutOfThirtySeconds() {
        assertThat(jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("30s");
    }
}
