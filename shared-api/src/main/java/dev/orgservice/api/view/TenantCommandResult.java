package dev.orgservice.api.view;

import java.util.UUID;

/**
 * Answer to an accepted tenant command: the tenant touched, the event-store position to read at, and the tenant's
 * revision after the command (the value to send back in {@code If-Match}; absent from the answer to a create).
 */
public record TenantCommandResult(UUID tenantId, long position, Long revision) {
}
