package dev.orgservice.command.structure.web;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orgservice.api.view.ImportResult;
import dev.orgservice.api.view.UnitCommandResult;
import dev.orgservice.command.idempotency.IdempotencyKeys;
import dev.orgservice.command.idempotency.RequestIds;
import dev.orgservice.command.messaging.CommandSender;
import dev.orgservice.command.revision.IfMatch;
import dev.orgservice.command.structure.CloseUnitCommand;
import dev.orgservice.command.structure.CreateUnitCommand;
import dev.orgservice.command.structure.ImportUnitsCommand;
import dev.orgservice.command.structure.MoveUnitCommand;
import dev.orgservice.command.structure.ReopenUnitCommand;
import dev.orgservice.command.structure.UpdateUnitCommand;
import dev.orgservice.platform.problem.Problems;
import dev.orgservice.platform.security.Role;
import dev.orgservice.platform.validation.Rows;
import dev.orgservice.platform.web.CsvRows;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.orgservice.platform.time.FlexibleInstant.orNow;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/units")
@Tag(name = "Company structure", description = "Units of a tenant: create, import, update, move, close, reopen; "
        + "changes may be effective-dated (effectiveFrom, default now)")
public class UnitCommandController {

    private static final TypeReference<List<UnitRequest>> UNIT_ROWS = new TypeReference<>() {
    };
    private static final String CSV_EXAMPLE = """
            type,code,name,parentCode,country,currency,address.city,address.country,timezone
            LEGAL_ENTITY,ACME-AT,Acme Austria,ACME-DE,AT,EUR,Wien,AT,
            BRANCH,ACME-AT-VIE,"Vienna, Main Office",ACME-AT,,,Wien,AT,Europe/Vienna
            DEPARTMENT,ACME-AT-OPS,Operations,ACME-AT-VIE,,,,,
            """;

    private final CommandSender commands;
    private final IdempotencyKeys keys;
    private final Validator validator;
    private final CsvRows csvRows;

    public UnitCommandController(CommandSender commands, IdempotencyKeys keys, Validator validator, CsvRows csvRows) {
        this.commands = commands;
        this.keys = keys;
        this.validator = validator;
        this.csvRows = csvRows;
    }

    @PostMapping
    @PreAuthorize(Role.STRUCTURE_EDITING)
    @Operation(summary = "Create a unit under a parent of an allowed type (a legal entity may be a root)")
    public ResponseEntity<UnitCommandResult> create(@PathVariable UUID tenantId,
                                                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                    String idempotencyKey,
                                                    @Valid @RequestBody UnitRequest request) {
        Rows.requireNoErrors(request.typeErrors(""));
        List<Problems.FieldError> importOnly = new ArrayList<>();
        if (request.parentCode() != null) {
            importOnly.add(new Problems.FieldError("parentCode", "only in imports; name the parent by parentId"));
        }
        if (request.costCenterCode() != null || request.profitCenterCode() != null) {
            importOnly.add(new Problems.FieldError(request.costCenterCode() != null ? "costCenterCode"
                    : "profitCenterCode", "only in imports; name the centers by costCenterId and profitCenterId"));
        }
        Rows.requireNoErrors(importOnly);
        RequestIds ids = keys.ids(tenantId, idempotencyKey, "create-unit", request);
        UUID unitId = ids.next();
        CommandSender.Outcome<Long> outcome = commands.send(new CreateUnitCommand(tenantId, unitId, request.type(),
                request.code(), request.name(), request.parentId(), orNow(request.effectiveFrom()), request.details()),
                tenantId, ids);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/units/" + unitId))
                .eTag(IfMatch.etag(outcome.result()))
                .body(new UnitCommandResult(unitId, outcome.position(), outcome.result()));
    }

    @PostMapping("/import")
    @PreAuthorize(Role.STRUCTURE_EDITING)
    @Operation(summary = "Create many units atomically; parents by parentId or parentCode (existing or earlier in the "
            + "import); every invalid row is reported, and then nothing is imported",
            description = "The rows as a JSON array, or as a CSV file (text/csv): a header line of the same field "
                    + "names (address.city for a field of the address), one unit a line, an empty cell an absent "
                    + "field; commas, semicolons or tabs; UTF-8 unless the Content-Type names a charset. Errors name "
                    + "rows as for JSON: [0] is the first line after the header.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = UnitRequest.class))),
                    @Content(mediaType = CsvRows.MEDIA_TYPE, schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = CSV_EXAMPLE))}))
    public ResponseEntity<ImportResult> importUnits(@PathVariable UUID tenantId, @RequestBody List<UnitRequest> rows,
                                                    @RequestParam(required = false) Instant effectiveFrom,
                                                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                    String idempotencyKey) {
        Rows.requireImportSize(rows);
        Rows.requireNoErrors(rowErrors(rows));
        RequestIds ids = keys.ids(tenantId, idempotencyKey, "import-units", rows, effectiveFrom);
        List<ImportUnitsCommand.Row> commandRows = new ArrayList<>(rows.size());
        for (UnitRequest row : rows) {
            commandRows.add(new ImportUnitsCommand.Row(ids.next(), row.type(), row.code(), row.name(), row.parentId(),
                    row.parentCode(), row.details(), row.costCenterCode(), row.profitCenterCode()));
        }
        UUID importId = ids.next();
        var command = new ImportUnitsCommand(tenantId, importId, orNow(effectiveFrom), commandRows);
        CommandSender.Outcome<Long> outcome = commands.send(command, tenantId, ids);
        List<Long> revisions = outcome.result() == null ? null : command.revisions(outcome.result());
        List<ImportResult.ImportedUnitView> created = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            created.add(new ImportResult.ImportedUnitView(rows.get(i).code(), commandRows.get(i).unitId(),
                    revisions == null ? null : revisions.get(i)));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ImportResult(importId, created.size(), created, outcome.position()));
    }

    /** The import's CSV form, documented with the JSON one (one operation, two media types). */
    @PostMapping(value = "/import", consumes = CsvRows.MEDIA_TYPE)
    @PreAuthorize(Role.STRUCTURE_EDITING)
    @Hidden
    public ResponseEntity<ImportResult> importUnitsFromCsv(@PathVariable UUID tenantId, HttpEntity<byte[]> csv,
                                                           @RequestParam(required = false) Instant effectiveFrom,
                                                           @RequestHeader(name = IdempotencyKeys.HEADER,
                                                                   required = false) String idempotencyKey) {
        List<UnitRequest> rows = csvRows.read(csv.getBody(), csv.getHeaders().getContentType(), UNIT_ROWS);
        return importUnits(tenantId, rows, effectiveFrom, idempotencyKey);
    }

    @PatchMapping("/{unitId}")
    @PreAuthorize(Role.STRUCTURE_EDITING)
    @Operation(summary = "Change a unit's name or details (takes effect immediately)")
    public ResponseEntity<UnitCommandResult> update(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                                    @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                    @Valid @RequestBody UnitUpdateRequest request) {
        return send(new UpdateUnitCommand(tenantId, unitId, request.name(), request.changedDetails(),
                IfMatch.expectedRevision(ifMatch)), tenantId, unitId);
    }

    @PostMapping("/{unitId}/move")
    @PreAuthorize(Role.STRUCTURE_EDITING)
    @Operation(summary = "Move a unit and its subtree; refused if it would create a cycle at any effective date")
    public ResponseEntity<UnitCommandResult> move(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                                  @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                  @Valid @RequestBody MoveRequest request) {
        return send(new MoveUnitCommand(tenantId, unitId, request.newParentId(), orNow(request.effectiveFrom()),
                IfMatch.expectedRevision(ifMatch)), tenantId, unitId);
    }

    @PostMapping("/{unitId}/close")
    @PreAuthorize(Role.STRUCTURE_EDITING)
    @Operation(summary = "Close a unit; refused while it has (or will have) active children")
    public ResponseEntity<UnitCommandResult> close(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                                   @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                   @RequestBody(required = false) EffectiveChangeRequest request) {
        return send(new CloseUnitCommand(tenantId, unitId, effectiveFrom(request), IfMatch.expectedRevision(ifMatch)),
                tenantId, unitId);
    }

    @PostMapping("/{unitId}/reopen")
    @PreAuthorize(Role.STRUCTURE_EDITING)
    @Operation(summary = "Reopen a closed unit; its parent must be active")
    public ResponseEntity<UnitCommandResult> reopen(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                                    @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                                    @RequestBody(required = false) EffectiveChangeRequest request) {
        return send(new ReopenUnitCommand(tenantId, unitId, effectiveFrom(request), IfMatch.expectedRevision(ifMatch)),
                tenantId, unitId);
    }

    /** A close's or reopen's body is optional: without one (or its date) the change takes effect now. */
    private static Instant effectiveFrom(EffectiveChangeRequest request) {
        return orNow(request == null ? null : request.effectiveFrom());
    }

    /** The unit's revision after the command, in the body and as the ETag to send back in If-Match. */
    private ResponseEntity<UnitCommandResult> send(Object command, UUID tenantId, UUID unitId) {
        CommandSender.Outcome<Long> outcome = commands.send(command, tenantId);
        return ResponseEntity.ok().eTag(IfMatch.etag(outcome.result()))
                .body(new UnitCommandResult(unitId, outcome.position(), outcome.result()));
    }

    private List<Problems.FieldError> rowErrors(List<UnitRequest> rows) {
        List<Problems.FieldError> errors = Rows.violations(validator, rows);
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "[" + i + "].";
            UnitRequest row = rows.get(i);
            if (row == null) {
                continue;
            }
            errors.addAll(row.typeErrors(prefix));
            if (row.parentId() != null && row.parentCode() != null) {
                errors.add(new Problems.FieldError(prefix + "parentCode", "give parentId or parentCode, not both"));
            }
            if (row.effectiveFrom() != null) {
                // ignored, a row's date made a reorganization planned for a later date take effect now
                errors.add(new Problems.FieldError(prefix + "effectiveFrom",
                        "an import takes effect at one instant: the effectiveFrom query parameter"));
            }
        }
        return errors;
    }
}
