package dev.orgservice.command.tenant.web;

import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.api.view.TenantCommandResult;
import dev.orgservice.command.messaging.CommandSender;
import dev.orgservice.command.revision.IfMatch;
import dev.orgservice.command.tenant.ActivateTenantCommand;
import dev.orgservice.command.tenant.ChangeAdminContactCommand;
import dev.orgservice.command.tenant.ChangeSubscriptionCommand;
import dev.orgservice.command.tenant.ClearFeatureToggleCommand;
import dev.orgservice.command.tenant.ConfigurationChange;
import dev.orgservice.command.tenant.CreateTenantCommand;
import dev.orgservice.command.tenant.OffboardTenantCommand;
import dev.orgservice.command.tenant.PlanCatalog;
import dev.orgservice.command.tenant.ReactivateTenantCommand;
import dev.orgservice.command.tenant.SetFeatureToggleCommand;
import dev.orgservice.command.tenant.SuspendTenantCommand;
import dev.orgservice.command.tenant.UpdateTenantConfigurationCommand;
import dev.orgservice.platform.security.CurrentUser;
import dev.orgservice.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "Tenants", description = "Tenant lifecycle, configuration, admin contact, feature toggles and subscription")
public class TenantCommandController {


    private final CommandSender commands;
    private final PlanCatalog plans;

    public TenantCommandController(CommandSender commands, PlanCatalog plans) {
        this.commands = commands;
        this.plans = plans;
    }

    @PostMapping
    @PreAuthorize(Role.PLATFORM)
    @Operation(summary = "Register a tenant (PROVISIONING); 200 when the same tenantId and slug were created before")
    public ResponseEntity<TenantCommandResult> create(@Valid @RequestBody CreateTenantRequest request) {
        TenantId tenantId = new TenantId(request.tenantId() != null ? request.tenantId() : UUID.randomUUID());
        var configuration = new TenantConfiguration(request.name(), request.locale(), request.timezone(),
                request.currency(), TenantConfiguration.DEFAULT_RETENTION_DAYS, Map.of());
        var outcome = commands.send(new CreateTenantCommand(tenantId, request.slug(), request.country(),
                request.adminEmail(), configuration, plans.terms(request.plan())), tenantId.value());
        var body = new TenantCommandResult(tenantId.value(), outcome.position(), null);
        return outcome.appended()
                ? ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId)).body(body)
                : ResponseEntity.ok(body);
    }

    @PostMapping("/{tenantId}/activate")
    @PreAuthorize(Role.PLATFORM)
    @Operation(summary = "PROVISIONING -> ACTIVE")
    public ResponseEntity<TenantCommandResult> activate(@PathVariable UUID tenantId, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(new ActivateTenantCommand(new TenantId(tenantId), IfMatch.expectedRevision(ifMatch)), tenantId, null);
    }

    @PostMapping("/{tenantId}/suspend")
    @PreAuthorize(Role.PLATFORM)
    @Operation(summary = "ACTIVE -> SUSPENDED: organization changes are refused from now on, reads still answer")
    public ResponseEntity<TenantCommandResult> suspend(@PathVariable UUID tenantId, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                       @Valid @RequestBody ReasonRequest request) {
        return send(new SuspendTenantCommand(new TenantId(tenantId), request.reason(), IfMatch.expectedRevision(ifMatch)),
                tenantId, request.reason());
    }

    @PostMapping("/{tenantId}/reactivate")
    @PreAuthorize(Role.PLATFORM)
    @Operation(summary = "SUSPENDED -> ACTIVE")
    public ResponseEntity<TenantCommandResult> reactivate(@PathVariable UUID tenantId, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(new ReactivateTenantCommand(new TenantId(tenantId), IfMatch.expectedRevision(ifMatch)), tenantId, null);
    }

    @PostMapping("/{tenantId}/offboard")
    @PreAuthorize(Role.PLATFORM)
    @Operation(summary = "ACTIVE or SUSPENDED -> OFFBOARDED (terminal; the slug stays reserved)")
    public ResponseEntity<TenantCommandResult> offboard(@PathVariable UUID tenantId, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                        @Valid @RequestBody ReasonRequest request) {
        return send(new OffboardTenantCommand(new TenantId(tenantId), request.reason(), IfMatch.expectedRevision(ifMatch)),
                tenantId, request.reason());
    }

    @PatchMapping("/{tenantId}/configuration")
    @PreAuthorize(Role.TENANT_ADMINISTRATION)
    @Operation(summary = "Change configuration fields; absent fields keep their value, a null setting is removed")
    public ResponseEntity<TenantCommandResult> configure(@PathVariable UUID tenantId, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                         @Valid @RequestBody UpdateConfigurationRequest request) {
        var change = new ConfigurationChange(request.name(), request.locale(), request.timezone(), request.currency(),
                request.dataRetentionDays(), request.settings());
        return send(new UpdateTenantConfigurationCommand(new TenantId(tenantId), change, IfMatch.expectedRevision(ifMatch)),
                tenantId, null);
    }

    @PutMapping("/{tenantId}/admin-contact")
    @PreAuthorize(Role.TENANT_ADMINISTRATION)
    @Operation(summary = "Name another administrative contact (adminEmail), e.g. when the tenant's administrator leaves")
    public ResponseEntity<TenantCommandResult> changeAdminContact(@PathVariable UUID tenantId, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                                  @Valid @RequestBody AdminContactRequest request) {
        return send(new ChangeAdminContactCommand(new TenantId(tenantId), request.adminEmail(),
                IfMatch.expectedRevision(ifMatch)), tenantId, null);
    }

    @PutMapping("/{tenantId}/features/{key}")
    @PreAuthorize(Role.TENANT_ADMINISTRATION)
    @Operation(summary = "Override a feature's plan default (tenant admins: entitled features only)")
    public ResponseEntity<TenantCommandResult> setFeature(@PathVariable UUID tenantId, @PathVariable String key,
                                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                          @Valid @RequestBody FeatureToggleRequest request) {
        return send(new SetFeatureToggleCommand(new TenantId(tenantId), key, request.enabled(),
                CurrentUser.get().isPlatformOperator(), IfMatch.expectedRevision(ifMatch)), tenantId, null);
    }

    @DeleteMapping("/{tenantId}/features/{key}")
    @PreAuthorize(Role.TENANT_ADMINISTRATION)
    @Operation(summary = "Remove the override: the plan default applies again")
    public ResponseEntity<TenantCommandResult> clearFeature(@PathVariable UUID tenantId, @PathVariable String key,
                                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return send(new ClearFeatureToggleCommand(new TenantId(tenantId), key, CurrentUser.get().isPlatformOperator(),
                IfMatch.expectedRevision(ifMatch)), tenantId, null);
    }

    @PutMapping("/{tenantId}/subscription")
    @PreAuthorize(Role.PLATFORM)
    @Operation(summary = "Replace the subscription (billing's view); a plan change may clear overrides the plan no longer entitles")
    public ResponseEntity<TenantCommandResult> changeSubscription(@PathVariable UUID tenantId, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                                  @Valid @RequestBody SubscriptionRequest request) {
        var subscription = new Subscription(request.plan(), request.status(), request.seats(), request.billingEmail(),
                request.billingCycle(), request.trialEndsAt(), request.externalCustomerId());
        return send(new ChangeSubscriptionCommand(new TenantId(tenantId), subscription, plans.terms(request.plan()),
                IfMatch.expectedRevision(ifMatch)), tenantId, null);
    }

    /** The tenant's revision after the command, in the body and as the ETag to send back in If-Match. */
    private ResponseEntity<TenantCommandResult> send(Object command, UUID tenantId, String reason) {
        CommandSender.Outcome<Long> outcome = commands.send(command, tenantId, reason);
        return ResponseEntity.ok().eTag(IfMatch.etag(outcome.result()))
                .body(new TenantCommandResult(tenantId, outcome.position(), outcome.result()));
    }

}
