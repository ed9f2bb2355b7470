package dev.orgservice.query.storage;

import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's timeouts are off (platform.yml); what bounds a read, a projection batch or a command is PostgreSQL's
 * statement_timeout on the services' own connections, the API role's included.
 */
class StatementTimeoutTest extends QuerySideIntegrationTest {

    @Autowired
    private JdbcTemplate projector;

    @Autowired
    @Qualifier(ReadModelDataSources.API)
    private JdbcTemplate api;

    @Test
    void every_service_connection_has_a_statement_timeout_of_a_minute() {
        assertThat(projector.queryForObject("show statement_timeout", String.class)).isEqualTo("30s");
        assertThat(api.queryForObject("show statement_timeout", String.class)).isEqualTo("30s");
    }
}
