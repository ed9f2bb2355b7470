package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggleClearedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggledEvent;
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
 * slugs, lifecycle status, plan limits and feature toggles. A subscribing processor keeps it in the transaction that
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
                insert into event_store.tenant_registry (tenant_id, slug, status, plan, max_units, max_positions,
                    enabled_by_default) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", ps -> {
            ps.setObject(1, event.tenantId().value());
            ps.setString(2, event.slug());
            ps.setString(3, TenantStatus.PROVISIONING.name());
            ps.setString(4, event.planTerms().plan());
            ps.setInt(5, event.planTerms().maxUnits());
            ps.setInt(6, event.planTerms().maxPositions());
            ps.setArray(7, ps.getConnection().createArrayOf("varchar", enabledByDefault(event.planTerms())));
        });
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
        jdbc.update("""
                update event_store.tenant_registry set plan = ?, max_units = ?, max_positions = ?, enabled_by_default = ?
                where tenant_id = ?""", ps -> {
            ps.setString(1, event.planTerms().plan());
            ps.setInt(2, event.planTerms().maxUnits());
            ps.setInt(3, event.planTerms().maxPositions());
            ps.setArray(4, ps.getConnection().createArrayOf("varchar", enabledByDefault(event.planTerms())));
            ps.setObject(5, event.tenantId().value());
        });
    }

    @EventHandler
    void on(TenantFeatureToggledEvent event) {
        jdbc.update("""
                update event_store.tenant_registry set feature_overrides = feature_overrides || jsonb_build_object(?, ?)
                where tenant_id = ?""", event.featureKey(), event.enabled(), event.tenantId().value());
    }

    @EventHandler
    void on(TenantFeatureToggleClearedEvent event) {
        jdbc.update("update event_store.tenant_registry set feature_overrides = feature_overrides - ? where tenant_id = ?",
                event.featureKey(), event.tenantId().value());
    }

    private static Object[] enabledByDefault(PlanTerms terms) {
        return terms.features().entrySet().stream().filter(feature -> feature.getValue().defaultEnabled())
                .map(Map.Entry::getKey).sorted().toArray();
    }

    private void setStatus(UUID tenantId, TenantStatus status) {
        jdbc.update("update event_store.tenant_registry set status = ? where tenant_id = ?", status.name(), tenantId);
    }
}
