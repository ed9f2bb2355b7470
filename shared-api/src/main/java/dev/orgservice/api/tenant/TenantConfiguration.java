package dev.orgservice.api.tenant;

import java.util.Map;

/** A tenant's configuration as a whole; events carry the complete result of a change. */
public record TenantConfiguration(
        String name,
        String locale,
        String timezone,
        String currency,
        int dataRetentionDays,
        Map<String, String> settings) {

    public static final int DEFAULT_RETENTION_DAYS = 3650;

    public TenantConfiguration {
        settings = Map.copyOf(settings);
    }
}
