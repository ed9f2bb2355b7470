package dev.orgservice.query.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.function.Function;

/**
 * Every API read runs in a transaction of the API role with the tenant set for that transaction only
 * ({@code set_config(..., true)}), so row-level security filters even a query that forgets its tenant and a
 * pooled connection never carries one tenant's context into another request.
 */
@Component
public class TenantScopedReads {

    private static final Logger audit = LoggerFactory.getLogger("audit.platform-read");

    private final JdbcTemplate jdbc;
    /** One for all reads: it caches each statement's parsed form, which a template per read parsed again. */
    private final NamedParameterJdbcTemplate sql;
    private final TransactionTemplate transactions;

    public TenantScopedReads(@Qualifier(ReadModelDataSources.API) JdbcTemplate jdbc,
                             @Qualifier(ReadModelDataSources.API) TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.sql = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = transactions;
    }

    public <T> T forTenant(UUID tenantId, Function<NamedParameterJdbcTemplate, T> read) {
        return inTransaction("select set_config('app.tenant_id', ?, true)", tenantId, read);
    }

    /**
     * {@link #forTenant}, for reads whose statements find rows by ids and a date only (the hierarchy walks, the
     * management and approval chains): their prepared statements always run their generic plan. Left to PostgreSQL, a prepared
     * statement is planned again for every execution while its generic plan's estimated cost looks worse than its
     * custom plans', which depends on the statistics that ANALYZE happened to sample: pgbench on the benchmark's
     * ancestors, as the api role, 0.34 ms with the generic plan and 0.52 ms planned every time, and the REST ancestors
     * took either about 0.55 or about 0.9 ms from one benchmark run to the next (docs/benchmarks.md). Not for searches:
     * their optional filters and LIKE prefixes need plans made for the values. Set with the tenant, in the same round
     * trip, and like it only for this transaction.
     */
    public <T> T forTenantByIds(UUID tenantId, Function<NamedParameterJdbcTemplate, T> read) {
        return inTransaction("select set_config('app.tenant_id', ?, true) "
                + "|| set_config('plan_cache_mode', 'force_generic_plan', true)", tenantId, read);
    }

    private <T> T inTransaction(String setTenant, UUID tenantId, Function<NamedParameterJdbcTemplate, T> read) {
        return transactions.execute(tx -> {
            jdbc.queryForObject(setTenant, String.class, tenantId.toString());
            return read.apply(sql);
        });
    }

    /** The one explicit path across tenants (platform operators); every use is written to the audit log. */
    public <T> T acrossTenants(String userId, String purpose, Function<NamedParameterJdbcTemplate, T> read) {
        audit.info("platform-wide read by {}: {}", userId, purpose);
        return transactions.execute(tx -> {
            jdbc.queryForObject("select set_config('app.all_tenants', 'on', true)", String.class);
            return read.apply(sql);
        });
    }
}
