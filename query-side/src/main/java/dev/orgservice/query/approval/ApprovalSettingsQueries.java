package dev.orgservice.query.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.approval.ApprovalPurposes;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.view.ApprovalPolicyView;
import dev.orgservice.api.view.AuthorityView;
import dev.orgservice.api.view.DelegationView;
import dev.orgservice.api.view.PageView;
import dev.orgservice.query.storage.Pages;
import dev.orgservice.query.storage.TenantScopedReads;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.instant;
import static dev.orgservice.query.storage.SqlTimes.utc;

/** The approval settings as they stand at an instant: delegations, a purpose's policy, a position's limits. */
@Component
public class ApprovalSettingsQueries {

    private static final String NOT_ENDED = """
            from read_model.delegation where tenant_id = :tenant and valid_to > :asOf and valid_to > valid_from
              and (cast(:person as varchar) is null or delegator_id = :person or delegate_id = :person)
            """;
    private static final String NOT_ENDED_PAGE = "select * " + NOT_ENDED
            + "order by valid_from, delegator_id, delegation_id limit :limit offset :offset";
    private static final String COUNT_NOT_ENDED = "select count(*) " + NOT_ENDED;
    private static final RowMapper<DelegationView> DELEGATION = (row, n) -> new DelegationView(
            row.getObject("delegation_id", UUID.class), row.getString("delegator_id"), row.getString("delegate_id"),
            strings(row.getArray("purposes")), row.getObject("unit_scope", UUID.class),
            row.getBigDecimal("max_amount") == null ? null
                    : new Money(row.getBigDecimal("max_amount"), row.getString("max_currency")),
            instant(row, "valid_from"), instant(row, "valid_to"), instant(row, "granted_at"));

    private final TenantScopedReads reads;
    private final ObjectMapper json;

    public ApprovalSettingsQueries(TenantScopedReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    /**
     * A page of the delegations not ended at {@code asOf} (in force or still to come), of {@code personId} either way
     * if given, by start; not one revoked before it started (its revocation ends it before its start: it is never
     * in force).
     */
    public PageView<DelegationView> delegations(UUID tenantId, String personId, Instant asOf, int page, int size) {
        return reads.forTenant(tenantId, sql -> Pages.read(sql, NOT_ENDED_PAGE, COUNT_NOT_ENDED,
                new MapSqlParameterSource("tenant", tenantId).addValue("person", personId).addValue("asOf", utc(asOf)),
                DELEGATION, page, size));
    }

    /** A delegation as recorded, whether it is in force, scheduled, ended or revoked; empty if the tenant has none. */
    public Optional<DelegationView> delegation(UUID tenantId, UUID delegationId) {
        return reads.forTenant(tenantId, sql -> sql.query("select * from read_model.delegation "
                        + "where tenant_id = :tenant and delegation_id = :delegation",
                new MapSqlParameterSource("tenant", tenantId).addValue("delegation", delegationId), DELEGATION)
                .stream().findFirst());
    }

    /** The policy in force at {@code asOf}; the default for a built-in purpose without one; empty otherwise. */
    public Optional<ApprovalPolicyView> policy(UUID tenantId, String purpose, Instant asOf) {
        Optional<ApprovalPolicyView> defined = reads.forTenant(tenantId, sql -> sql.query("""
                select policy::text, valid_from, valid_to from read_model.approval_policy
                where tenant_id = :tenant and purpose = :purpose and valid_from <= :asOf
                  and (valid_to is null or valid_to > :asOf)""",
                new MapSqlParameterSource("tenant", tenantId).addValue("purpose", purpose).addValue("asOf", utc(asOf)),
                (row, n) -> view(purpose, StoredPolicy.read(json, row.getString(1)), false, instant(row, "valid_from"),
                        instant(row, "valid_to"), asOf)).stream().findFirst());
        if (defined.isPresent() || !ApprovalPurposes.isBuiltIn(purpose)) {
            return defined;
        }
        // the default is in force until the purpose's first policy, if one is scheduled
        Instant until = reads.forTenant(tenantId, sql -> sql.query("""
                select min(valid_from) as valid_from from read_model.approval_policy
                where tenant_id = :tenant and purpose = :purpose and valid_from > :asOf""",
                new MapSqlParameterSource("tenant", tenantId).addValue("purpose", purpose).addValue("asOf", utc(asOf)),
                (row, n) -> instant(row, "valid_from")).get(0));
        return Optional.of(view(purpose, StoredPolicy.DEFAULT, true, null, until, asOf));
    }

    /** The position's limits in force at {@code asOf}, by purpose and currency; empty if the position is unknown. */
    public Optional<List<AuthorityView>> authorities(UUID tenantId, UUID positionId, Instant asOf) {
        return reads.forTenant(tenantId, sql -> {
            var params = new MapSqlParameterSource("position", positionId).addValue("asOf", utc(asOf));
            if (sql.queryForList("select 1 from read_model.position where position_id = :position", params).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(sql.query("""
                    select * from read_model.approval_authority where position_id = :position and amount is not null
                      and valid_from <= :asOf and (valid_to is null or valid_to > :asOf)
                    order by purpose, currency""", params, (row, n) -> new AuthorityView(row.getString("purpose"),
                    new Money(row.getBigDecimal("amount"), row.getString("currency")), instant(row, "valid_from"),
                    instant(row, "valid_to"))));
        });
    }

    private static ApprovalPolicyView view(String purpose, StoredPolicy policy, boolean defaultPolicy, Instant from,
                                           Instant to, Instant asOf) {
        return new ApprovalPolicyView(purpose, policy.steps(), policy.minApprovers(), policy.maxApprovers(),
                defaultPolicy, from, to, asOf);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
