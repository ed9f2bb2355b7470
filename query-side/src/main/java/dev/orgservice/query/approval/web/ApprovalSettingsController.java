package dev.orgservice.query.approval.web;

import dev.orgservice.api.structure.PersonIds;
import dev.orgservice.api.approval.ApprovalPurposes;
import dev.orgservice.api.view.ApprovalPolicyView;
import dev.orgservice.api.view.AuthorityView;
import dev.orgservice.api.view.DelegationView;
import dev.orgservice.api.view.ItemsView;
import dev.orgservice.api.view.PageView;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.security.Role;
import dev.orgservice.query.approval.ApprovalSettingsQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

import static dev.orgservice.platform.time.FlexibleInstant.orNow;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}")
@Tag(name = "Approval chains")
@PreAuthorize(Role.READING)
public class ApprovalSettingsController {

    private final ApprovalSettingsQueries settings;

    public ApprovalSettingsController(ApprovalSettingsQueries settings) {
        this.settings = settings;
    }

    @GetMapping("/delegations")
    @Operation(summary = "Delegations not ended at asOf (default now): in force or scheduled; of personId either way if given")
    public PageView<DelegationView> delegations(
            @PathVariable UUID tenantId,
            @RequestParam(required = false) @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE)
            @Parameter(description = "Only the delegations in which this person (an HR person id) delegates or is "
                    + "the delegate.") String personId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
            @RequestParam(required = false) Long minPosition) {
        return settings.delegations(tenantId, personId, orNow(asOf), page, size);
    }

    @GetMapping("/delegations/{delegationId}")
    @Operation(summary = "One delegation as recorded, ended or revoked ones too (validTo is then the end)")
    public DelegationView delegation(@PathVariable UUID tenantId, @PathVariable UUID delegationId,
                                     @RequestParam(required = false) Long minPosition) {
        return settings.delegation(tenantId, delegationId)
                .orElseThrow(() -> OrgException.notFound("Delegation " + delegationId));
    }

    @GetMapping("/approval-policies/{purpose}")
    @Operation(summary = "The purpose's policy in force at asOf (the default for a built-in purpose without one)")
    public ApprovalPolicyView policy(@PathVariable UUID tenantId,
                                     @PathVariable @Pattern(regexp = ApprovalPurposes.PATTERN) String purpose,
                                     @RequestParam(required = false) Instant asOf,
                                     @RequestParam(required = false) Long minPosition) {
        return settings.policy(tenantId, purpose, orNow(asOf))
                .orElseThrow(() -> OrgException.notFound("Approval policy for " + purpose));
    }

    @GetMapping("/positions/{positionId}/approval-authorities")
    @Operation(summary = "The position's approval limits in force at asOf, by purpose and currency")
    public ItemsView<AuthorityView> authorities(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                @RequestParam(required = false) Instant asOf,
                                                @RequestParam(required = false) Long minPosition) {
        return new ItemsView<>(settings.authorities(tenantId, positionId, orNow(asOf))
                .orElseThrow(() -> OrgException.notFound("Position " + positionId)));
    }
}
