package dev.orgservice.command.tenant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.TenantAdminContactChangedEvent;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantConfigurationUpdatedEvent;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggleClearedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggledEvent;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.api.tenant.TenantOffboardedEvent;
import dev.orgservice.api.tenant.TenantReactivatedEvent;
import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.api.tenant.TenantSubscriptionChangedEvent;
import dev.orgservice.api.tenant.TenantSuspendedEvent;
import dev.orgservice.api.tenant.SubscriptionStatus;
import dev.orgservice.command.revision.ConditionalCommand;
import dev.orgservice.command.revision.ExpectedRevision;
import dev.orgservice.platform.problem.OrgException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A tenant of the platform: lifecycle, configuration, admin contact, plan and feature overrides. Snapshots are plain JSON
 * of these fields, hence the field visibility for Jackson. Raise the {@code @Revision} with any change of the fields:
 * Axon then ignores older snapshots and replays the events instead (without one, every snapshot would be read).
 */
@Aggregate(snapshotTriggerDefinition = "tenantSnapshotTrigger", commandTargetResolver = "cachedTargetResolver")
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Tenant {

    static final int MAX_SETTINGS = 100;

    @AggregateIdentifier
    private TenantId tenantId;
    private TenantStatus status;
    private TenantConfiguration configuration;
    private String adminEmail;
    private PlanTerms planTerms;
    private Map<String, Boolean> featureOverrides = new HashMap<>();

    protected Tenant() {
        // for Axon and Jackson
    }

    Tenant(CreateTenantCommand command) {
        apply(new TenantCreatedEvent(command.tenantId(), command.slug(), command.country(), command.adminEmail(),
                command.configuration(), command.planTerms(),
                new Subscription(command.planTerms().plan(), SubscriptionStatus.TRIALING, null, null, null, null, null)));
    }

    /**
     * Every tenant command may be conditional on the tenant's revision, the aggregate's version (the request's
     * {@code If-Match}): refused with {@code 412} before any rule when the tenant changed since the client read it.
     * Every command answers the tenant's revision after it, the {@code ETag} for the client's next change.
     */
    @CommandHandlerInterceptor
    Object atTheExpectedRevision(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        if (command.getPayload() instanceof ConditionalCommand conditional) {
            ExpectedRevision.require(conditional.expected(), AggregateLifecycle.getVersion(), "Tenant " + tenantId,
                    Map.of("tenantId", tenantId.value()));
        }
        chain.proceed();
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    void handle(ActivateTenantCommand command) {
        TenantTransition.ACTIVATE.requireAllowedFrom(status);
        apply(new TenantActivatedEvent(tenantId));
    }

    @CommandHandler
    void handle(SuspendTenantCommand command) {
        TenantTransition.SUSPEND.requireAllowedFrom(status);
        apply(new TenantSuspendedEvent(tenantId, command.reason()));
    }

    @CommandHandler
    void handle(ReactivateTenantCommand command) {
        TenantTransition.REACTIVATE.requireAllowedFrom(status);
        apply(new TenantReactivatedEvent(tenantId));
    }

    @CommandHandler
    void handle(OffboardTenantCommand command) {
        TenantTransition.OFFBOARD.requireAllowedFrom(status);
        apply(new TenantOffboardedEvent(tenantId, command.reason()));
    }

    @CommandHandler
    void handle(UpdateTenantConfigurationCommand command) {
        requireNotOffboarded();
        TenantConfiguration updated = command.change().applyTo(configuration);
        if (updated.settings().size() > MAX_SETTINGS) {
            throw new OrgException(ErrorCode.RULE_VIOLATION,
                    "A tenant has at most " + MAX_SETTINGS + " settings; this change would leave "
                            + updated.settings().size(), Map.of("maxSettings", MAX_SETTINGS));
        }
        if (!updated.equals(configuration)) {
            apply(new TenantConfigurationUpdatedEvent(tenantId, updated));
        }
    }

    @CommandHandler
    void handle(ChangeAdminContactCommand command) {
        requireNotOffboarded();
        if (!command.adminEmail().equals(adminEmail)) {
            apply(new TenantAdminContactChangedEvent(tenantId, command.adminEmail()));
        }
    }

    @CommandHandler
    void handle(SetFeatureToggleCommand command) {
        requireNotOffboarded();
        requireMayChange(command.featureKey(), command.asPlatformAdmin());
        if (!Objects.equals(featureOverrides.get(command.featureKey()), command.enabled())) {
            apply(new TenantFeatureToggledEvent(tenantId, command.featureKey(), command.enabled()));
        }
    }

    @CommandHandler
    void handle(ClearFeatureToggleCommand command) {
        requireNotOffboarded();
        requireMayChange(command.featureKey(), command.asPlatformAdmin());
        if (featureOverrides.containsKey(command.featureKey())) {
            apply(new TenantFeatureToggleClearedEvent(tenantId, command.featureKey()));
        }
    }

    /**
     * A change of plan keeps the tenant's overrides of features the new plan still lets it change; overrides of
     * features it no longer may change are cleared, so a downgrade takes the feature back to the plan default.
     * A change that keeps the plan (billing status, seats, the catalog's terms assigned again) leaves every override
     * of a feature the plan still has, a platform admin's included, and clears those of features the catalog dropped
     * from it: nobody could clear them afterwards (the feature is unknown, 404), and the registry counted them on.
     */
    @CommandHandler
    void handle(ChangeSubscriptionCommand command) {
        requireNotOffboarded();
        boolean samePlan = command.planTerms().plan().equals(planTerms.plan());
        apply(new TenantSubscriptionChangedEvent(tenantId, command.subscription(), command.planTerms()));
        List<String> lostEntitlements = featureOverrides.keySet().stream()
                .filter(key -> !command.planTerms().knowsFeature(key)
                        || !samePlan && !command.planTerms().features().get(key).tenantMayChange())
                .sorted()
                .toList();
        lostEntitlements.forEach(key -> apply(new TenantFeatureToggleClearedEvent(tenantId, key)));
    }

    private void requireNotOffboarded() {
        if (status == TenantStatus.OFFBOARDED) {
            throw new OrgException(ErrorCode.TENANT_NOT_ACTIVE, "Tenant " + tenantId + " is offboarded and accepts no changes",
                    Map.of("currentStatus", status));
        }
    }

    private void requireMayChange(String featureKey, boolean asPlatformAdmin) {
        if (!planTerms.knowsFeature(featureKey)) {
            throw new OrgException(ErrorCode.NOT_FOUND, "Feature '" + featureKey + "' is not in the catalog",
                    Map.of("knownFeatures", planTerms.features().keySet().stream().sorted().toList()));
        }
        if (!asPlatformAdmin && !planTerms.features().get(featureKey).tenantMayChange()) {
            throw new OrgException(ErrorCode.FORBIDDEN, "Plan " + planTerms.plan() + " does not entitle the tenant to change '"
                    + featureKey + "'", Map.of("plan", planTerms.plan()));
        }
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        tenantId = event.tenantId();
        status = TenantStatus.PROVISIONING;
        configuration = event.configuration();
        adminEmail = event.adminEmail();
        planTerms = event.planTerms();
    }

    @EventSourcingHandler
    void on(TenantActivatedEvent event) {
        status = TenantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TenantSuspendedEvent event) {
        status = TenantStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(TenantReactivatedEvent event) {
        status = TenantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TenantOffboardedEvent event) {
        status = TenantStatus.OFFBOARDED;
    }

    @EventSourcingHandler
    void on(TenantConfigurationUpdatedEvent event) {
        configuration = event.configuration();
    }

    @EventSourcingHandler
    void on(TenantAdminContactChangedEvent event) {
        adminEmail = event.adminEmail();
    }

    @EventSourcingHandler
    void on(TenantFeatureToggledEvent event) {
        featureOverrides.put(event.featureKey(), event.enabled());
    }

    @EventSourcingHandler
    void on(TenantFeatureToggleClearedEvent event) {
        featureOverrides.remove(event.featureKey());
    }

    @EventSourcingHandler
    void on(TenantSubscriptionChangedEvent event) {
        planTerms = event.planTerms();
    }
}
