package dev.orgservice.query.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.approval.ApprovalAuthoritiesImportedEvent;
import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.ApprovalAuthorityRevokedEvent;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.approval.DelegationRevokedEvent;
import dev.orgservice.query.storage.Timeline;
import dev.orgservice.query.structure.HierarchyProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static dev.orgservice.query.storage.SqlTimes.utc;

/**
 * Authorities, policies and delegations, for resolving approval chains. Part of the hierarchy processing group:
 * a chain joins them with units and positions, so all must be at the same point of the event stream.
 */
@Component
@ProcessingGroup(HierarchyProjection.PROCESSING_GROUP)
public class ApprovalProjection {

    private static final Timeline AUTHORITY = new Timeline("read_model.approval_authority", "amount",
            "position_id", "purpose", "currency");
    private static final Timeline POLICY = new Timeline("read_model.approval_policy", "policy", "tenant_id", "purpose");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ApprovalProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ApprovalAuthorityGrantedEvent event) {
        AUTHORITY.set(jdbc, event.tenantId(), List.of(event.positionId(), event.purpose(), event.limit().currency()),
                event.effectiveFrom(), event.limit().amount());
    }

    @EventHandler
    void on(ApprovalAuthoritiesImportedEvent event) {
        AUTHORITY.setAll(jdbc, event.tenantId(), event.authorities().stream()
                        .map(row -> List.of(row.positionId(), row.purpose(), row.limit().currency())).toList(),
                event.effectiveFrom(), event.authorities().stream().map(row -> row.limit().amount()).toList());
    }

    @EventHandler
    void on(ApprovalAuthorityRevokedEvent event) {
        AUTHORITY.set(jdbc, event.tenantId(), List.of(event.positionId(), event.purpose(), event.currency()),
                event.effectiveFrom(), null);
    }

    @EventHandler
    void on(ApprovalPolicyDefinedEvent event) throws JsonProcessingException, SQLException {
        PGobject policy = new PGobject();
        policy.setType("jsonb");
        policy.setValue(json.writeValueAsString(new StoredPolicy(event.steps(), event.minApprovers(),
                event.maxApprovers())));
        POLICY.set(jdbc, event.tenantId(), List.of(event.tenantId(), event.purpose()), event.effectiveFrom(), policy);
    }

    @EventHandler
    void on(DelegationGrantedEvent event, @Timestamp Instant recorded) {
        jdbc.update("""
                insert into read_model.delegation (delegation_id, tenant_id, delegator_id, delegate_id, purposes,
                    unit_scope, max_amount, max_currency, valid_from, valid_to, granted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (delegation_id) do nothing""", ps -> {
            ps.setObject(1, event.delegationId());
            ps.setObject(2, event.tenantId());
            ps.setString(3, event.delegatorId());
            ps.setString(4, event.delegateId());
            ps.setArray(5, ps.getConnection().createArrayOf("varchar", event.purposes().toArray()));
            ps.setObject(6, event.unitScope());
            ps.setBigDecimal(7, event.maxAmount() == null ? null : event.maxAmount().amount());
            ps.setString(8, event.maxAmount() == null ? null : event.maxAmount().currency());
            ps.setObject(9, utc(event.validFrom()));
            ps.setObject(10, utc(event.validTo()));
            ps.setObject(11, utc(recorded));
        });
    }

    @EventHandler
    void on(DelegationRevokedEvent event) {
        jdbc.update("update read_model.delegation set valid_to = least(valid_to, ?) where delegation_id = ?",
                utc(event.revokedAt()), event.delegationId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from read_model.delegation");
        jdbc.update("delete from read_model.approval_policy");
        jdbc.update("delete from read_model.approval_authority");
    }
}
