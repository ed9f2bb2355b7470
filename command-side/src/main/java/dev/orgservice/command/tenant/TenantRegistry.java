package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import dev.orgservice.api.tenant.TenantOffboardedEvent;
import dev.orgservice.api.tenant.TenantReactivatedEvent;
import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.api.tenant.TenantSubscriptionChangedEvent;
import dev.orgservice.api.tenant.TenantSuspendedEvent;
import dev.orgservice.platform.problem.OrgException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The command side's consistent view of all tenants (table {@code event_store.tenant_registry}): unique
 * slugs, lifecycle status and plan limits. A subscribing processor keeps it in the transaction that
 * appends the events, so concurrent creates with one slug cannot both commit.
 */
@Component
@ProcessingGroup(TenantRegistry.PROCESSING_GROUP)
public class TenantRegistry {

    public static final String PROCESSING_GROUP = "tenant-registry";

    private final JdbcTemplate jdbc;

    public TenantRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record RegisteredTenant(UUID tenantId, String slug, TenantStatus status, String plan, int maxUnits,
                                   int maxPositions) {
    }

    public Optional<RegisteredTenant> find(UUID tenantId) {
        return jdbc.query("select * from event_store.tenant_registry where tenant_id = ?", (row, n) ->
                new RegisteredTenant(row.getObject("tenant_id", UUID.class), row.getString("slug"),
                        TenantStatus.valueOf(row.getString("status")), row.getString("plan"),
                        row.getInt("max_units"), row.getInt("max_positions")), tenantId).stream().findFirst();
    }

    @EventHandler
    void on(TenantCreatedEvent event) {
        // on a concurrent insert of the same slug this waits for the other transaction, then inserts nothing
        int inserted = jdbc.update("""
                insert into event_store.tenant_registry (tenant_id, slug, status, plan, max_units, max_positions)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.tenantId().value(), event.slug(), TenantStatus.PROVISIONING.name(), event.planTerms().plan(),
                event.planTerms().maxUnits(), event.planTerms().maxPositions());
        if (inserted == 0) {
            throw new OrgException(ErrorCode.DUPLICATE, "Slug '" + event.slug() + "' is already taken",
                    Map.of("slug", event.slug()));
        }
    }

    @EventHandler
    void on(TenantActivatedEvent event) {
        setStatus(event.tenantId().value(), TenantStatus.ACTIVE);
    }

    @EventHandler
    void on(TenantSuspendedEvent event) {
        setStatus(event.tenantId().value(), TenantStatus.SUSPENDED);
    }

    @EventHandler
    void on(TenantReactivatedEvent event) {
        setStatus(event.tenantId().value(), TenantStatus.ACTIVE);
    }

    @EventHandler
    void on(TenantOffboardedEvent event) {
        setStatus(event.tenantId().value(), TenantStatus.OFFBOARDED);
    }

    @EventHandler
    void on(TenantSubscriptionChangedEvent event) {
        jdbc.update("update event_store.tenant_registry set plan = ?, max_units = ?, max_positions = ? where tenant_id = ?",
                event.planTerms().plan(), event.planTerms().maxUnits(), event.planTerms().maxPositions(),
                event.tenantId().value());
    }

    private void setStatus(UUID tenantId, TenantStatus status) {
        jdbc.update("update event_store.tenant_registry set status = ? where tenant_id = ?", status.name(), tenantId);
    }
}
