package dev.orgservice.query.tenant;

import dev.orgservice.api.tenant.FeatureTerms;
import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.SubscriptionStatus;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import dev.orgservice.api.tenant.TenantId;

import java.util.Map;

/** Tenant events as the command side records them. */
public final class TenantTestEvents {

    public static final PlanTerms STANDARD = new PlanTerms("STANDARD", 5000, 20000, Map.of(
            "advanced-approvals", new FeatureTerms(false, true),
            "bulk-import", new FeatureTerms(true, true),
            "audit-export", new FeatureTerms(false, true)));

    private TenantTestEvents() {
    }

    public static TenantCreatedEvent created(TenantId tenantId, String slug) {
        return new TenantCreatedEvent(tenantId, slug, "DE", "admin@" + slug + ".example",
                new TenantConfiguration(slug + " GmbH", "de-DE", "Europe/Berlin", "EUR", 3650, Map.of()),
                STANDARD, new Subscription("STANDARD", SubscriptionStatus.TRIALING, null, null, null, null, null));
    }
}
