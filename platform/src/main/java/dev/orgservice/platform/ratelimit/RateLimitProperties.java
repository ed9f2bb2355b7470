package dev.orgservice.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Request rate limits (config {@code org.rate-limits}, platform.yml): one bucket per tenant sized by its plan,
 * and one per client (token subject) so a single integration cannot use up its tenant's budget.
 */
@ConfigurationProperties("org.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  Limit perClient,
                                  Limit defaultPlan,
                                  Map<String, Limit> plans) {

    public record Limit(double capacity, double refillPerSecond) {
    }

    Limit forPlan(String plan) {
        return plan != null && plans != null && plans.containsKey(plan) ? plans.get(plan) : defaultPlan;
    }
}
