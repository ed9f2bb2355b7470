package dev.orgservice.query.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.TenantAdminContactChangedEvent;
import dev.orgservice.api.tenant.TenantConfigurationUpdatedEvent;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggleClearedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggledEvent;
import dev.orgservice.api.tenant.TenantOffboardedEvent;
import dev.orgservice.api.tenant.TenantReactivatedEvent;
import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.api.tenant.TenantSubscriptionChangedEvent;
import dev.orgservice.api.tenant.TenantSuspendedEvent;
import dev.orgservice.query.parking.ParkedTenants;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.utc;

/** Builds {@code read_model.tenant} and its feature overrides from the tenant events. */
@Component
@ProcessingGroup(TenantProjection.PROCESSING_GROUP)
public class TenantProjection {

    public static final String PROCESSING_GROUP = "tenant-projection";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ParkedTenants parkedTenants;

    public TenantProjection(JdbcTemplate jdbc, ObjectMapper json, ParkedTenants parkedTenants) {
        this.jdbc = jdbc;
        this.json = json;
        this.parkedTenants = parkedTenants;
    }

    @EventHandler
    void on(TenantCreatedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        var config = event.configuration();
        Subscription subscription = event.subscription();
        jdbc.update("""
                insert into read_model.tenant (tenant_id, slug, status, country, admin_email, name, locale, timezone,
                    currency, data_retention_days, settings, plan, plan_terms, subscription_status, created_at, updated_at,
                    revision)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?)
                on conflict (tenant_id) do nothing""",
                event.tenantId().value(), event.slug(), TenantStatus.PROVISIONING.name(), event.country(),
                event.adminEmail(), config.name(), config.locale(), config.timezone(), config.currency(),
                config.dataRetentionDays(), toJson(config.settings()), event.planTerms().plan(),
                toJson(event.planTerms()), subscription.status().name(), utc(at), utc(at), revision);
    }

    @EventHandler
    void on(TenantActivatedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        setStatus(event.tenantId().value(), TenantStatus.ACTIVE, at, revision);
    }

    @EventHandler
    void on(TenantSuspendedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        setStatus(event.tenantId().value(), TenantStatus.SUSPENDED, at, revision);
    }

    @EventHandler
    void on(TenantReactivatedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        setStatus(event.tenantId().value(), TenantStatus.ACTIVE, at, revision);
    }

    @EventHandler
    void on(TenantOffboardedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        setStatus(event.tenantId().value(), TenantStatus.OFFBOARDED, at, revision);
    }

    @EventHandler
    void on(TenantConfigurationUpdatedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        var config = event.configuration();
        jdbc.update("""
                update read_model.tenant set name = ?, locale = ?, timezone = ?, currency = ?, data_retention_days = ?,
                    settings = ?::jsonb, updated_at = ?, revision = ? where tenant_id = ?""",
                config.name(), config.locale(), config.timezone(), config.currency(), config.dataRetentionDays(),
                toJson(config.settings()), utc(at), revision, event.tenantId().value());
    }

    @EventHandler
    void on(TenantAdminContactChangedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        jdbc.update("update read_model.tenant set admin_email = ?, updated_at = ?, revision = ? where tenant_id = ?",
                event.adminEmail(), utc(at), revision, event.tenantId().value());
    }

    @EventHandler
    void on(TenantSubscriptionChangedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        Subscription s = event.subscription();
        jdbc.update("""
                update read_model.tenant set plan = ?, plan_terms = ?::jsonb, subscription_status = ?, seats = ?,
                    billing_email = ?, billing_cycle = ?, trial_ends_at = ?, external_customer_id = ?, updated_at = ?,
                    revision = ?
                where tenant_id = ?""",
                event.planTerms().plan(), toJson(event.planTerms()), s.status().name(), s.seats(), s.billingEmail(),
                s.billingCycle() == null ? null : s.billingCycle().name(),
                s.trialEndsAt() == null ? null : utc(s.trialEndsAt()), s.externalCustomerId(), utc(at), revision,
                event.tenantId().value());
    }

    @EventHandler
    void on(TenantFeatureToggledEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        jdbc.update("""
                insert into read_model.tenant_feature_override (tenant_id, feature_key, enabled) values (?, ?, ?)
                on conflict (tenant_id, feature_key) do update set enabled = excluded.enabled""",
                event.tenantId().value(), event.featureKey(), event.enabled());
        touch(event.tenantId().value(), at, revision);
    }

    @EventHandler
    void on(TenantFeatureToggleClearedEvent event, @Timestamp Instant at, @SequenceNumber long revision) {
        jdbc.update("delete from read_model.tenant_feature_override where tenant_id = ? and feature_key = ?",
                event.tenantId().value(), event.featureKey());
        touch(event.tenantId().value(), at, revision);
    }

    @ResetHandler
    void reset() {
        parkedTenants.forget(PROCESSING_GROUP);
        jdbc.update("delete from read_model.tenant_feature_override");
        jdbc.update("delete from read_model.tenant");
    }

    private void setStatus(UUID tenantId, TenantStatus status, Instant at, long revision) {
        jdbc.update("update read_model.tenant set status = ?, updated_at = ?, revision = ? where tenant_id = ?",
                status.name(), utc(at), revision, tenantId);
    }

    private void touch(UUID tenantId, Instant at, long revision) {
        jdbc.update("update read_model.tenant set updated_at = ?, revision = ? where tenant_id = ?", utc(at), revision,
                tenantId);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write read-model JSON", e);
        }
    }
}
