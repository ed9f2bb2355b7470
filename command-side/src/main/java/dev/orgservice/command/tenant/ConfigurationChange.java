package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.TenantConfiguration;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A partial configuration update: null fields keep their value; in {@code settings}, a key mapped to null
 * is removed and any other key is set.
 */
public record ConfigurationChange(String name, String locale, String timezone, String currency,
                                  Integer dataRetentionDays, Map<String, String> settings) {

    public TenantConfiguration applyTo(TenantConfiguration current) {
        Map<String, String> merged = new HashMap<>(current.settings());
        (settings == null ? Collections.<String, String>emptyMap() : settings).forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new TenantConfiguration(
                name != null ? name : current.name(),
                locale != null ? locale : current.locale(),
                timezone != null ? timezone : current.timezone(),
                currency != null ? currency : current.currency(),
                dataRetentionDays != null ? dataRetentionDays : current.dataRetentionDays(),
                merged);
    }
}
