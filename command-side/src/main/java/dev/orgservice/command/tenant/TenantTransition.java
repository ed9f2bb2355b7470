package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.platform.problem.OrgException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.orgservice.api.tenant.TenantStatus.ACTIVE;
import static dev.orgservice.api.tenant.TenantStatus.OFFBOARDED;
import static dev.orgservice.api.tenant.TenantStatus.PROVISIONING;
import static dev.orgservice.api.tenant.TenantStatus.SUSPENDED;

/** The lifecycle: {@code PROVISIONING -> ACTIVE <-> SUSPENDED}, and {@code ACTIVE|SUSPENDED -> OFFBOARDED}. */
enum TenantTransition {
    ACTIVATE(EnumSet.of(PROVISIONING), ACTIVE),
    SUSPEND(EnumSet.of(ACTIVE), SUSPENDED),
    REACTIVATE(EnumSet.of(SUSPENDED), ACTIVE),
    OFFBOARD(EnumSet.of(ACTIVE, SUSPENDED), OFFBOARDED);

    private final Set<TenantStatus> from;
    private final TenantStatus to;

    TenantTransition(Set<TenantStatus> from, TenantStatus to) {
        this.from = from;
        this.to = to;
    }

    void requireAllowedFrom(TenantStatus current) {
        if (!from.contains(current)) {
            throw new OrgException(ErrorCode.ILLEGAL_TRANSITION,
                    "Cannot " + name().toLowerCase(Locale.ROOT) + " a tenant that is " + current,
                    Map.of("currentStatus", current, "allowedFrom", from, "targetStatus", to));
        }
    }
}
