package dev.orgservice.command.tenant;

import java.util.UUID;

/**
 * The cross-aggregate check every organization command makes: is the tenant active, and what does its plan
 * allow. Answered from the command side's consistent registry, never from the eventually consistent read side.
 */
public interface TenantGuard {

    /** The limits of an active tenant; refuses a missing (404), suspended or otherwise inactive (409) tenant. */
    PlanLimits requireActive(UUID tenantId);

    record PlanLimits(String plan, int maxUnits, int maxPositions) {
    }
}
