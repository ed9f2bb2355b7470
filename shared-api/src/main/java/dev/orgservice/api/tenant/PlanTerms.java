package dev.orgservice.api.tenant;

import java.util.Map;

/**
 * A plan as it stood when it was assigned to a tenant: limits and feature terms. Events carry the terms,
 * not just the plan name, so consumers and the read model need no copy of the catalog and history shows
 * what the tenant was granted at the time.
 */
public record PlanTerms(String plan, int maxUnits, int maxPositions, Map<String, FeatureTerms> features) {

    public PlanTerms {
        features = Map.copyOf(features);
    }

    public boolean knowsFeature(String key) {
        return features.containsKey(key);
    }
}
