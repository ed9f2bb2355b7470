package dev.orgservice.command.structure.web;

import dev.orgservice.api.view.PositionCommandResult;
import dev.orgservice.command.messaging.CommandSender;
import dev.orgservice.command.structure.AssignHolderCommand;
import dev.orgservice.command.structure.CreatePositionCommand;
import dev.orgservice.command.structure.VacatePositionCommand;
import dev.orgservice.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/positions")
@Tag(name = "Positions", description = "Positions in units, their holders (HR person ids) and reporting lines")
@PreAuthorize(Role.STRUCTURE_EDITING)
public class PositionCommandController {

    private final CommandSender commands;

    public PositionCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Create a position in an active unit")
    public ResponseEntity<PositionCommandResult> create(@PathVariable UUID tenantId,
                                                        @Valid @RequestBody PositionRequest request) {
        UUID positionId = UUID.randomUUID();
        var outcome = commands.send(new CreatePositionCommand(tenantId, positionId, request.unitId(), request.title(),
                request.manager(), request.reportsToPositionId(),
                request.dottedLineToPositionIds() == null ? List.of() : request.dottedLineToPositionIds()), tenantId);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/positions/" + positionId))
                .body(new PositionCommandResult(positionId, outcome.position()));
    }

    @PutMapping("/{positionId}/holder")
    @Operation(summary = "Set who holds the position from 'from' (until 'to' or open), replacing overlapping holdings")
    public PositionCommandResult assign(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                        @Valid @RequestBody HolderRequest request) {
        Instant from = request.from() != null ? request.from() : Instant.now();
        return result(positionId, commands.send(new AssignHolderCommand(tenantId, positionId, request.personId(), from,
                request.to()), tenantId));
    }

    @DeleteMapping("/{positionId}/holder")
    @Operation(summary = "Vacate the position from now on")
    public PositionCommandResult vacate(@PathVariable UUID tenantId, @PathVariable UUID positionId) {
        return result(positionId, commands.send(new VacatePositionCommand(tenantId, positionId, Instant.now()), tenantId));
    }

    private static PositionCommandResult result(UUID positionId, CommandSender.Outcome<?> outcome) {
        return new PositionCommandResult(positionId, outcome.position());
    }
}
