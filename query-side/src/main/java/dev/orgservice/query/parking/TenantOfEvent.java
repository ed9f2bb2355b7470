package dev.orgservice.query.parking;

import dev.orgservice.api.approval.ApprovalEvent;
import dev.orgservice.api.structure.OrganizationTreeEvent;
import dev.orgservice.api.tenant.TenantEvent;
import org.axonframework.eventhandling.EventMessage;

import java.util.UUID;

/** The tenant an event belongs to: from its payload, else from the metadata every command puts on its events. */
final class TenantOfEvent {

    private static final String METADATA_KEY = "tenantId";

    private TenantOfEvent() {
    }

    /** @return the tenant, or null when neither the payload nor the metadata names one */
    static UUID of(EventMessage<?> event) {
        try {
            Object payload = event.getPayload();
            if (payload instanceof TenantEvent tenantEvent) {
                return tenantEvent.tenantId().value();
            }
            if (payload instanceof OrganizationTreeEvent treeEvent) {
                return treeEvent.tenantId();
            }
            if (payload instanceof ApprovalEvent approvalEvent) {
                return approvalEvent.tenantId();
            }
        } catch (RuntimeException unreadable) {
            // a payload that cannot be read is one of the failures parking is for: the metadata still names the tenant
        }
        try {
            Object tenant = event.getMetaData().get(METADATA_KEY);
            return tenant == null ? null : UUID.fromString(tenant.toString());
        } catch (IllegalArgumentException notATenant) {
            return null;
        }
    }
}
