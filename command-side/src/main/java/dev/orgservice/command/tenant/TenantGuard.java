package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cross-aggregate check every organization command makes: is the tenant active, and what does its plan
 * allow. Answered from the command side's consistent registry, never from the eventually consistent read side.
 */
public interface TenantGuard {

    /** The limits of an active tenant; refuses a missing (404), suspended or otherwise inactive (409) tenant. */
    PlanLimits requireActive(UUID tenantId);

    /** {@code enabledFeatures}: the tenant's effective feature toggles; null for a tenant registered before they were. */
    record PlanLimits(String plan, int maxUnits, int maxPositions, Set<String> enabledFeatures) {

        /** Refuses (403 feature-disabled) what the tenant's plan and toggles do not enable. */
        public void requireFeature(String key, String what) {
            if (enabledFeatures != null && !enabledFeatures.contains(key)) {
                throw new OrgException(ErrorCode.FEATURE_DISABLED, what + " needs the feature '" + key + "', which is "
                        + "off for this tenant (plan " + plan + ")", Map.of("feature", key, "plan", plan));
            }
        }
    }
}
