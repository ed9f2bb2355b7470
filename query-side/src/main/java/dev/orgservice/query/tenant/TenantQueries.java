package dev.orgservice.query.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.tenant.BillingCycle;
import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.SubscriptionStatus;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.api.view.FeatureToggleView;
import dev.orgservice.api.view.PageView;
import dev.orgservice.api.view.PlanLimitsView;
import dev.orgservice.api.view.TenantView;
import dev.orgservice.query.storage.TenantScopedReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.orgservice.query.storage.SqlTimes.instant;

/** Reads of the tenant read model, always through {@link TenantScopedReads} (row-level security). */
@Component
public class TenantQueries {

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final TenantScopedReads reads;
    private final ObjectMapper json;

    public TenantQueries(TenantScopedReads reads, ObjectMapper json) {
        this.reads = reads;
        this.json = json;
    }

    public Optional<TenantView> byId(UUID tenantId) {
        return reads.forTenant(tenantId, sql -> one(sql.getJdbcTemplate(), "tenant_id = ?", tenantId));
    }

    /** A tenant-bound caller only finds its own tenant by slug; platform callers search all tenants. */
    public Optional<TenantView> bySlug(String slug, UUID callerTenant, String callerId) {
        return callerTenant != null
                ? reads.forTenant(callerTenant, sql -> one(sql.getJdbcTemplate(), "slug = ?", slug))
                : reads.acrossTenants(callerId, "tenant by slug " + slug, sql -> one(sql.getJdbcTemplate(), "slug = ?", slug));
    }

    public PageView<TenantView> list(TenantStatus status, String plan, int page, int size, String callerId) {
        StringBuilder where = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        if (plan != null) {
            where.append(" and plan = ?");
            args.add(plan);
        }
        return reads.acrossTenants(callerId, "list tenants", sql -> {
            JdbcTemplate jdbc = sql.getJdbcTemplate();
            Long total = jdbc.queryForObject("select count(*) from read_model.tenant where " + where, Long.class,
                    args.toArray());
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(size);
            pageArgs.add((long) page * size);
            List<TenantView> items = jdbc.query("select * from read_model.tenant where " + where
                    + " order by created_at, tenant_id limit ? offset ?", this::tenant, pageArgs.toArray());
            return new PageView<>(items, page, size, total == null ? 0 : total);
        });
    }

    /** Effective toggles: each feature of the tenant's plan, overridden by the tenant where it chose to. */
    public Optional<List<FeatureToggleView>> features(UUID tenantId) {
        return reads.forTenant(tenantId, sql -> {
            JdbcTemplate jdbc = sql.getJdbcTemplate();
            List<String> terms = jdbc.queryForList("select plan_terms::text from read_model.tenant where tenant_id = ?",
                    String.class, tenantId);
            if (terms.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Boolean> overrides = new java.util.HashMap<>();
            jdbc.query("select feature_key, enabled from read_model.tenant_feature_override where tenant_id = ?",
                    (ResultSet row) -> {
                        overrides.put(row.getString(1), row.getBoolean(2));
                    }, tenantId);
            PlanTerms plan = read(terms.get(0), PlanTerms.class);
            return Optional.of(plan.features().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(f -> overrides.containsKey(f.getKey())
                            ? new FeatureToggleView(f.getKey(), overrides.get(f.getKey()), FeatureToggleView.Source.TENANT,
                            f.getValue().tenantMayChange())
                            : new FeatureToggleView(f.getKey(), f.getValue().defaultEnabled(), FeatureToggleView.Source.PLAN,
                            f.getValue().tenantMayChange()))
                    .toList());
        });
    }

    private Optional<TenantView> one(JdbcTemplate jdbc, String condition, Object argument) {
        return jdbc.query("select * from read_model.tenant where " + condition, (RowMapper<TenantView>) this::tenant,
                argument).stream().findFirst();
    }

    private TenantView tenant(ResultSet row, int rowNumber) throws SQLException {
        PlanTerms plan = read(row.getString("plan_terms"), PlanTerms.class);
        String cycle = row.getString("billing_cycle");
        return new TenantView(
                row.getObject("tenant_id", UUID.class),
                row.getString("slug"),
                TenantStatus.valueOf(row.getString("status")),
                row.getString("country"),
                row.getString("admin_email"),
                new TenantConfiguration(row.getString("name"), row.getString("locale"), row.getString("timezone"),
                        row.getString("currency"), row.getInt("data_retention_days"),
                        read(row.getString("settings"), SETTINGS)),
                new Subscription(row.getString("plan"), SubscriptionStatus.valueOf(row.getString("subscription_status")),
                        (Integer) row.getObject("seats"), row.getString("billing_email"),
                        cycle == null ? null : BillingCycle.valueOf(cycle), instant(row, "trial_ends_at"),
                        row.getString("external_customer_id")),
                new PlanLimitsView(plan.maxUnits(), plan.maxPositions()),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                (Long) row.getObject("revision"));
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read-model JSON", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read-model JSON", e);
        }
    }
}
