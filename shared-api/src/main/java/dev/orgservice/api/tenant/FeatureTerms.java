package dev.orgservice.api.tenant;

/** What a plan says about one feature: its default, and whether a tenant admin may switch it. */
public record FeatureTerms(boolean defaultEnabled, boolean tenantMayChange) {
}
