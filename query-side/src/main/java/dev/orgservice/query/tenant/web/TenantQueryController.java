package dev.orgservice.query.tenant.web;

import dev.orgservice.api.tenant.TenantStatus;
import dev.orgservice.api.view.FeatureToggleView;
import dev.orgservice.api.view.ItemsView;
import dev.orgservice.api.view.PageView;
import dev.orgservice.api.view.TenantView;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.security.CurrentUser;
import dev.orgservice.platform.security.Role;
import dev.orgservice.query.tenant.TenantQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "Tenants", description = "Tenants, their configuration, subscription and effective feature toggles. "
        + "Every endpoint accepts minPosition (or X-Min-Position) to read its own writes.")
public class TenantQueryController {

    private final TenantQueries tenants;

    public TenantQueryController(TenantQueries tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @PreAuthorize(Role.PLATFORM)
    @Operation(summary = "All tenants (platform operators only), filtered by status and plan, oldest first")
    public PageView<TenantView> list(@RequestParam(required = false)
                                     @Parameter(description = "Only tenants in this status.") TenantStatus status,
                                     @RequestParam(required = false)
                                     @Parameter(description = "Only tenants on this plan (e.g. STANDARD), matched "
                                             + "exactly.") String plan,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size,
                                     @RequestParam(required = false) Long minPosition) {
        return tenants.list(status, plan, page, size, CurrentUser.get().userId());
    }

    @GetMapping("/{tenantId}")
    @PreAuthorize(Role.READING)
    @Operation(summary = "One tenant with configuration, subscription and plan limits")
    public TenantView byId(@PathVariable UUID tenantId, @RequestParam(required = false) Long minPosition) {
        return tenants.byId(tenantId).orElseThrow(() -> OrgException.notFound("Tenant " + tenantId));
    }

    @GetMapping("/by-slug/{slug}")
    @PreAuthorize(Role.READING)
    @Operation(summary = "One tenant by its slug (a tenant-bound caller finds only its own)")
    public TenantView bySlug(@PathVariable String slug, @RequestParam(required = false) Long minPosition) {
        CurrentUser user = CurrentUser.get();
        return tenants.bySlug(slug, user.tenantId(), user.userId())
                .orElseThrow(() -> OrgException.notFound("Tenant '" + slug + "'"));
    }

    @GetMapping("/{tenantId}/features")
    @PreAuthorize(Role.READING)
    @Operation(summary = "Effective feature toggles: the plan default unless the tenant overrides it")
    public ItemsView<FeatureToggleView> features(@PathVariable UUID tenantId,
                                                 @RequestParam(required = false) Long minPosition) {
        return new ItemsView<>(tenants.features(tenantId)
                .orElseThrow(() -> OrgException.notFound("Tenant " + tenantId)));
    }

    @GetMapping("/{tenantId}/features/{key}")
    @PreAuthorize(Role.READING)
    @Operation(summary = "One effective feature toggle; 404 for a key that is not in the catalog")
    public FeatureToggleView feature(@PathVariable UUID tenantId, @PathVariable String key,
                                     @RequestParam(required = false) Long minPosition) {
        return tenants.features(tenantId)
                .orElseThrow(() -> OrgException.notFound("Tenant " + tenantId))
                .stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> OrgException.notFound("Feature '" + key + "'"));
    }
}
