package dev.orgservice.command.approval.web;

import dev.orgservice.api.approval.ApprovalPurposes;
import dev.orgservice.api.approval.ImportedAuthority;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.view.AuthorityImportResult;
import dev.orgservice.api.view.PolicyCommandResult;
import dev.orgservice.api.view.PositionCommandResult;
import dev.orgservice.command.approval.DefineApprovalPolicyCommand;
import dev.orgservice.command.approval.GrantApprovalAuthorityCommand;
import dev.orgservice.command.approval.ImportApprovalAuthoritiesCommand;
import dev.orgservice.command.approval.RevokeApprovalAuthorityCommand;
import dev.orgservice.command.idempotency.IdempotencyKeys;
import dev.orgservice.command.idempotency.RequestIds;
import dev.orgservice.command.messaging.CommandSender;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;
import dev.orgservice.platform.security.Role;
import dev.orgservice.platform.validation.IsoCurrency;
import dev.orgservice.platform.validation.Rows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.orgservice.platform.time.FlexibleInstant.orNow;

/** Approval authorities of positions and the approval policy of each purpose: a tenant administrator's settings. */
@RestController
@Tag(name = "Approvals", description = "Approval authorities, approval policies and delegations")
@PreAuthorize(Role.TENANT_ADMINISTRATION)
public class ApprovalCommandController {

    private static final String AUTHORITY = "/api/v1/tenants/{tenantId}/positions/{positionId}/approval-authority/{purpose}";

    private final CommandSender commands;
    private final IdempotencyKeys keys;
    private final Validator validator;

    public ApprovalCommandController(CommandSender commands, IdempotencyKeys keys, Validator validator) {
        this.commands = commands;
        this.keys = keys;
        this.validator = validator;
    }

    @PutMapping(AUTHORITY)
    @Operation(summary = "Set the position's approval limit for a purpose in one currency (limits in other currencies stay)")
    public PositionCommandResult grantAuthority(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                @PathVariable String purpose, @Valid @RequestBody AuthorityRequest request) {
        var command = new GrantApprovalAuthorityCommand(tenantId, positionId, requirePurpose(purpose),
                new Money(request.amount(), request.currency()), orNow(request.effectiveFrom()));
        return authorityResult(positionId, commands.send(command, tenantId));
    }

    @DeleteMapping(AUTHORITY)
    @Operation(summary = "Remove the position's approval limit for a purpose in one currency")
    public PositionCommandResult revokeAuthority(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                 @PathVariable String purpose,
                                                 @RequestParam @IsoCurrency(acceptWithdrawn = true)
                                                 @Parameter(description = "The ISO 4217 currency whose limit is "
                                                         + "removed, e.g. EUR; limits in other currencies stay.")
                                                 String currency,
                                                 @RequestParam(required = false) Instant effectiveFrom) {
        var command = new RevokeApprovalAuthorityCommand(tenantId, positionId, requirePurpose(purpose), currency,
                orNow(effectiveFrom));
        return authorityResult(positionId, commands.send(command, tenantId));
    }

    /** No revision: an authority is not the position's own data, so its change leaves the position's revision alone. */
    private static PositionCommandResult authorityResult(UUID positionId, CommandSender.Outcome<?> outcome) {
        return new PositionCommandResult(positionId, outcome.position(), null);
    }

    @PostMapping("/api/v1/tenants/{tenantId}/approval-authorities/import")
    @Operation(summary = "Set many authorities at once (up to 20,000 rows), atomically: all rows or none, every bad "
            + "row reported; each row replaces that position's limit for its purpose and currency")
    public ResponseEntity<AuthorityImportResult> importAuthorities(@PathVariable UUID tenantId,
                                                                   @RequestParam(required = false) Instant effectiveFrom,
                                                                   @RequestHeader(name = IdempotencyKeys.HEADER,
                                                                           required = false) String idempotencyKey,
                                                                   @RequestBody List<AuthorityImportRow> rows) {
        Rows.requireImportSize(rows);
        Rows.requireNoErrors(Rows.violations(validator, rows));
        RequestIds ids = keys.ids(tenantId, idempotencyKey, "import-approval-authorities", rows, effectiveFrom);
        UUID importId = ids.next();
        List<ImportedAuthority> authorities = rows.stream().map(row -> new ImportedAuthority(row.positionId(),
                row.purpose(), new Money(row.amount(), row.currency()))).toList();
        var outcome = commands.send(new ImportApprovalAuthoritiesCommand(tenantId, importId, orNow(effectiveFrom),
                authorities), tenantId, ids);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new AuthorityImportResult(importId, rows.size(), outcome.position()));
    }

    @PutMapping("/api/v1/tenants/{tenantId}/approval-policies/{purpose}")
    @Operation(summary = "Define how requests for a purpose are approved, from effectiveFrom (default now) on")
    public PolicyCommandResult definePolicy(@PathVariable UUID tenantId, @PathVariable String purpose,
                                            @Valid @RequestBody PolicyRequest request) {
        var command = new DefineApprovalPolicyCommand(tenantId, requirePurpose(purpose),
                request.steps().stream().map(PolicyRequest.Step::toStep).toList(), request.min(), request.max(),
                orNow(request.effectiveFrom()));
        return new PolicyCommandResult(purpose, commands.send(command, tenantId).position());
    }

    static String requirePurpose(String purpose) {
        if (!purpose.matches(ApprovalPurposes.PATTERN)) {
            throw new OrgException(ErrorCode.VALIDATION, "The request is invalid", Map.of("errors", List.of(
                    new Problems.FieldError("purpose", "must match " + ApprovalPurposes.PATTERN
                            + ", e.g. PURCHASE_ORDER"))));
        }
        return purpose;
    }
}
