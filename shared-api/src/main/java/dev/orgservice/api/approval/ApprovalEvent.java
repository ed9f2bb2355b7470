package dev.orgservice.api.approval;

import java.util.UUID;

/**
 * Approval authorities, policies and delegations of a tenant. Recorded by the tenant's organization tree and
 * published with its events on Kafka topic {@code org.structure.events.v1}.
 */
public sealed interface ApprovalEvent permits ApprovalAuthorityGrantedEvent, ApprovalAuthoritiesImportedEvent,
        ApprovalAuthorityRevokedEvent,
        ApprovalPolicyDefinedEvent, DelegationGrantedEvent, DelegationRevokedEvent {

    UUID tenantId();
}
