package dev.orgservice.command.structure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A command on a tenant's organization tree; the tree's aggregate id derives from the tenant id. */
public interface TreeCommand {

    UUID tenantId();

    @TargetAggregateIdentifier
    default String treeId() {
        return OrganizationTree.idOf(tenantId());
    }
}
