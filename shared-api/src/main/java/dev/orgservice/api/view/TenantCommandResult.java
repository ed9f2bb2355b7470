package dev.orgservice.api.view;

import java.util.UUID;

/** Answer to an accepted tenant command: the tenant touched and the event-store position to read at. */
public record TenantCommandResult(UUID tenantId, long position) {
}
