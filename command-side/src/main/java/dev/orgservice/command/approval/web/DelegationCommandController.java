package dev.orgservice.command.approval.web;

import dev.orgservice.api.view.DelegationCommandResult;
import dev.orgservice.command.approval.GrantDelegationCommand;
import dev.orgservice.command.approval.RevokeDelegationCommand;
import dev.orgservice.command.idempotency.IdempotencyKeys;
import dev.orgservice.command.idempotency.RequestIds;
import dev.orgservice.command.messaging.CommandSender;
import dev.orgservice.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import static dev.orgservice.platform.time.FlexibleInstant.orNow;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/delegations")
@Tag(name = "Approvals")
@PreAuthorize(Role.STRUCTURE_EDITING)
public class DelegationCommandController {

    private final CommandSender commands;
    private final IdempotencyKeys keys;

    public DelegationCommandController(CommandSender commands, IdempotencyKeys keys) {
        this.commands = commands;
        this.keys = keys;
    }

    @PostMapping
    @Operation(summary = "Let a person approve in place of another (out of office), for some purposes and a time range; "
            + "refused if it delegates to oneself, closes a cycle or makes a chain of more than 3 delegations")
    public ResponseEntity<DelegationCommandResult> grant(@PathVariable UUID tenantId,
                                                         @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                         String idempotencyKey,
                                                         @Valid @RequestBody DelegationRequest request) {
        RequestIds ids = keys.ids(tenantId, idempotencyKey, "grant-delegation", request);
        UUID delegationId = ids.next();
        var outcome = commands.send(new GrantDelegationCommand(tenantId, delegationId, request.delegatorId(),
                request.delegateId(), request.purposes().stream().distinct().toList(), request.unitScope(),
                request.maxAmount() == null ? null : request.maxAmount().toMoney(), request.validFrom(),
                request.validTo()), tenantId, ids);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/delegations/" + delegationId))
                .body(new DelegationCommandResult(delegationId, outcome.position()));
    }

    @DeleteMapping("/{delegationId}")
    @Operation(summary = "Revoke a delegation from effectiveFrom on (default now; at most 30 days back, or ahead: "
            + "it then ends at that instant)")
    public DelegationCommandResult revoke(@PathVariable UUID tenantId, @PathVariable UUID delegationId,
                                          @RequestParam(required = false)
                                          @Parameter(description = "When the delegation ends, default now: an "
                                                  + "ISO-8601 instant or a date YYYY-MM-DD (00:00 UTC); at most 30 "
                                                  + "days back, or ahead, before the delegation's own end")
                                          Instant effectiveFrom) {
        var outcome = commands.send(new RevokeDelegationCommand(tenantId, delegationId, orNow(effectiveFrom)), tenantId);
        return new DelegationCommandResult(delegationId, outcome.position());
    }
}
