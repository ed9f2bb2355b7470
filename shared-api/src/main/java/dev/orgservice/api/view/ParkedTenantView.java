package dev.orgservice.api.view;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant whose events a projection holds back since one it could not store (for platform operators): the
 * processor, the position of the event that failed, when, how many of the tenant's events wait, why the first one
 * failed (the database's message, which may quote the event's values), and when and why the latest retry failed
 * (null before the first failed retry).
 */
public record ParkedTenantView(String processor, UUID tenantId, long firstPosition, String firstEventType,
                               Instant parkedAt, long events, String error, Instant lastRetryAt,
                               String lastRetryError) {
}
