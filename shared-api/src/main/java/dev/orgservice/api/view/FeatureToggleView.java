package dev.orgservice.api.view;

/** The effective value of a feature for a tenant: the plan default unless the tenant overrides it. */
public record FeatureToggleView(String key, boolean enabled, Source source, boolean tenantMayChange) {

    public enum Source { PLAN, TENANT }
}
