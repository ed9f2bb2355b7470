package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.FeatureTerms;
import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.SubscriptionStatus;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import dev.orgservice.api.tenant.TenantId;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Shared test data for the tenant aggregate: the plan catalog of {@code command-side.yml} and a created tenant. */
final class TenantTestData {

    static final String ADVANCED_APPROVALS = "advanced-approvals";
    static final String BULK_IMPORT = "bulk-import";
    static final String AUDIT_EXPORT = "audit-export";

    /** Every feature off and locked. */
    static final PlanTerms FREE = new PlanTerms("FREE", 50, 100, Map.of(
            ADVANCED_APPROVALS, new FeatureTerms(false, false),
            BULK_IMPORT, new FeatureTerms(false, false),
            AUDIT_EXPORT, new FeatureTerms(false, false)));

    /** Every feature changeable by the tenant; only bulk import on by default. */
    static final PlanTerms STANDARD = new PlanTerms("STANDARD", 5000, 20000, Map.of(
            ADVANCED_APPROVALS, new FeatureTerms(false, true),
            BULK_IMPORT, new FeatureTerms(true, true),
            AUDIT_EXPORT, new FeatureTerms(false, true)));

    /** Every feature on and changeable by the tenant. */
    static final PlanTerms ENTERPRISE = new PlanTerms("ENTERPRISE", 200000, 500000, Map.of(
            ADVANCED_APPROVALS, new FeatureTerms(true, true),
            BULK_IMPORT, new FeatureTerms(true, true),
            AUDIT_EXPORT, new FeatureTerms(true, true)));

    static final String SLUG = "acme";
    static final String COUNTRY = "DE";
    static final String ADMIN_EMAIL = "it@acme.example";

    private TenantTestData() {
    }

    static TenantConfiguration configuration() {
        return configuration(Map.of());
    }

    static TenantConfiguration configuration(Map<String, String> settings) {
        return new TenantConfiguration("Acme GmbH", "de-DE", "Europe/Berlin", "EUR",
                TenantConfiguration.DEFAULT_RETENTION_DAYS, settings);
    }

    /** {@code count} settings {@code key0 -> value0}, {@code key1 -> value1}, ... */
    static Map<String, String> settings(int count) {
        return IntStream.range(0, count).boxed()
                .collect(Collectors.toMap(i -> "key" + i, i -> "value" + i, (a, b) -> a));
    }

    static Subscription trialing(PlanTerms plan) {
        return new Subscription(plan.plan(), SubscriptionStatus.TRIALING, null, null, null, null, null);
    }

    static Subscription active(PlanTerms plan) {
        return new Subscription(plan.plan(), SubscriptionStatus.ACTIVE, 25, "billing@acme.example", null, null, "cus_0815");
    }

    static CreateTenantCommand createTenant(TenantId tenantId, PlanTerms plan) {
        return new CreateTenantCommand(tenantId, SLUG, COUNTRY, ADMIN_EMAIL, configuration(), plan);
    }

    /** What creating a tenant with {@link #createTenant} records: a provisioning tenant trialing its plan. */
    static TenantCreatedEvent tenantCreated(TenantId tenantId, PlanTerms plan) {
        return tenantCreated(tenantId, plan, configuration());
    }

    static TenantCreatedEvent tenantCreated(TenantId tenantId, PlanTerms plan, TenantConfiguration configuration) {
        return new TenantCreatedEvent(tenantId, SLUG, COUNTRY, ADMIN_EMAIL, configuration, plan, trialing(plan));
    }

    static TenantCreatedEvent tenantCreated(TenantId tenantId) {
        return tenantCreated(tenantId, STANDARD);
    }
}
