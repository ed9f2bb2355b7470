package dev.orgservice.query.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
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
        return transactions.execute(tx -> {
            jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, tenantId.toString());
            return read.apply(sql);
        });
    }

    /**
     * A read answered by one of the read model's tenant functions ({@code R__tenant_reads.sql}) in one round trip:
     * the function sets the tenant for its own statement, run in autocommit, where {@link #forTenant} takes three
     * (BEGIN with {@code set_config}, the query, COMMIT). Row-level security filters it as any other read.
     *
     * @param call a call of such a function whose first parameter is the tenant, e.g.
     *             {@code select * from read_model.ancestors_of(?, ?, ?)}
     * @param args the function's other parameters
     */
    public <T> List<T> inOneStatement(UUID tenantId, String call, RowMapper<T> rows, Object... args) {
        Object[] parameters = new Object[args.length + 1];
        parameters[0] = tenantId;
        System.arraycopy(args, 0, parameters, 1, args.length);
        return jdbc.query(call, rows, parameters);
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
