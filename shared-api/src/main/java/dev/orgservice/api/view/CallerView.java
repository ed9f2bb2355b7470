package dev.orgservice.api.view;

import java.util.List;
import java.util.UUID;

/**
 * Who the service takes the caller to be, read from the validated token alone: the subject, the tenant it is
 * bound to (absent for a platform operator) and the roles the service recognizes, in a fixed order.
 */
public record CallerView(String userId, UUID tenantId, List<String> roles) {
}
