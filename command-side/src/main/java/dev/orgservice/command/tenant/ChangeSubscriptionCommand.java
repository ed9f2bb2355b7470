package dev.orgservice.command.tenant;

import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Billing's view of the subscription, replacing the previous one. */
public record ChangeSubscriptionCommand(@TargetAggregateIdentifier TenantId tenantId, Subscription subscription, PlanTerms planTerms,
        ExpectedRevision expected) implements ConditionalCommand, RegistryChange {

    public ChangeSubscriptionCommand(TenantId tenantId, Subscription subscription, PlanTerms planTerms) {
        this(tenantId, subscription, planTerms, ExpectedRevision.ANY);
    }
}
