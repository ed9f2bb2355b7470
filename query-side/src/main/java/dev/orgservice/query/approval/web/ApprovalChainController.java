package dev.orgservice.query.approval.web;

import dev.orgservice.api.structure.PersonIds;
import dev.orgservice.api.approval.ApprovalPurposes;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.view.ApprovalChainView;
import dev.orgservice.platform.security.Role;
import dev.orgservice.platform.time.FlexibleInstant;
import dev.orgservice.platform.validation.Amount;
import dev.orgservice.platform.validation.IsoCurrency;
import dev.orgservice.query.approval.ApprovalChainQueries;
import dev.orgservice.query.approval.ApprovalRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "Approval chains", description = "Who must approve a request, in what order, as of asOf (default now)")
@PreAuthorize(Role.READING)
public class ApprovalChainController {

    private final ApprovalChainQueries chains;

    public ApprovalChainController(ApprovalChainQueries chains) {
        this.chains = chains;
    }

    @GetMapping("/api/v1/tenants/{tenantId}/approval-chain")
    @Operation(summary = "Resolve the approvers of a request: the policy's steps in order, skipping the requester, "
            + "vacancies and duplicates, applying delegations; 422 when no position of the chain has a limit in the "
            + "request's currency")
    // declaring one response, springdoc no longer adds the 200 itself
    @ApiResponse(responseCode = "200", description = "The chain", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "currency-not-covered: no position of the chain has a limit in "
            + "the request's currency; rule-violation: the policy needs a cost center and none is given")
    public ApprovalChainView approvalChain(
            @PathVariable UUID tenantId,
            @RequestParam @Pattern(regexp = ApprovalPurposes.PATTERN)
            @Parameter(description = "What is approved, e.g. PURCHASE_ORDER; a purpose the tenant names needs its "
                    + "policy (404 otherwise).") String purpose,
            @RequestParam @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE)
            @Parameter(description = "Who asks (an HR person id); the requester never approves.") String requesterId,
            @RequestParam @Amount
            @Parameter(description = "The amount asked for: at least 0, at most 15 significant digits and at most 4 "
                    + "decimals.") BigDecimal amount,
            @RequestParam @IsoCurrency
            @Parameter(description = "The amount's ISO 4217 currency, e.g. EUR; limits in other currencies are "
                    + "never converted.") String currency,
            @RequestParam(required = false)
            @Parameter(description = "The cost center the request is booked to: needed when the policy has a "
                    + "COST_CENTER_OWNER step (422 without it, 404 if it is not a cost center of the tenant).")
            UUID costCenterId,
            @RequestParam(required = false)
            @Parameter(description = "The requester's position the chain starts from, if they hold several; "
                    + "default: the one held the longest at asOf.") UUID requesterPositionId,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) Long minPosition) {
        return chains.resolve(tenantId, new ApprovalRequest(purpose, requesterId, requesterPositionId,
                new Money(amount, currency), costCenterId, FlexibleInstant.orNow(asOf)), asOf != null);
    }
}
