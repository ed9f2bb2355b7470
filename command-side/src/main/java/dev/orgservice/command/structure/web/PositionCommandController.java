package dev.orgservice.command.structure.web;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.view.PositionImportResult;
import dev.orgservice.api.view.PositionCommandResult;
import dev.orgservice.command.idempotency.IdempotencyKeys;
import dev.orgservice.command.idempotency.RequestIds;
import dev.orgservice.command.messaging.CommandSender;
import dev.orgservice.command.revision.IfMatch;
import dev.orgservice.command.structure.AssignHolderCommand;
import dev.orgservice.command.structure.ChangeManagerRoleCommand;
import dev.orgservice.command.structure.ChangeReportingLinesCommand;
import dev.orgservice.command.structure.ClosePositionCommand;
import dev.orgservice.command.structure.CreatePositionCommand;
import dev.orgservice.command.structure.ImportPositionsCommand;
import dev.orgservice.command.structure.MovePositionCommand;
import dev.orgservice.command.structure.RetitlePositionCommand;
import dev.orgservice.command.structure.VacatePositionCommand;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;
import dev.orgservice.platform.security.Role;
import dev.orgservice.platform.time.FlexibleInstant;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/positions")
@Tag(name = "Positions", description = "Positions in units, their holders (HR person ids) and reporting lines")
@PreAuthorize(Role.STRUCTURE_EDITING)
public class PositionCommandController {


    private static final TypeReference<List<PositionImportRow>> POSITION_ROWS = new TypeReference<>() {
    };
    private static final String CSV_EXAMPLE = """
            ref,unitCode,title,manager,reportsToRef,personId,holderFrom
            cfo,ACME-DE-FIN,Chief Financial Officer,true,,hr:4711,2026-01-01
            ap,ACME-DE-FIN,Accounts Payable Clerk,false,cfo,,
            """;

    private final CommandSender commands;
    private final IdempotencyKeys keys;
    private final Validator validator;
    private final CsvRows csvRows;

    public PositionCommandController(CommandSender commands, IdempotencyKeys keys, Validator validator,
                                     CsvRows csvRows) {
        this.commands = commands;
        this.keys = keys;
        this.validator = validator;
        this.csvRows = csvRows;
    }

    @PostMapping
    @Operation(summary = "Create a position in an active unit")
    public ResponseEntity<PositionCommandResult> create(@PathVariable UUID tenantId,
                                                        @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                                        String idempotencyKey,
                                                        @Valid @RequestBody PositionRequest request) {
        RequestIds ids = keys.ids(tenantId, idempotencyKey, "create-position", request);
        UUID positionId = ids.next();
        CommandSender.Outcome<Long> outcome = commands.send(new CreatePositionCommand(tenantId, positionId, request.unitId(), request.title(),
                request.manager(), request.reportsToPositionId(),
                request.dottedLineToPositionIds() == null ? List.of() : request.dottedLineToPositionIds()), tenantId,
                ids);
        return withRevision(ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/positions/"
                + positionId)), positionId, outcome);
    }

    @PostMapping("/import")
    @Operation(summary = "Create many positions (optionally with their holders) atomically; a row names its unit by "
            + "unitId or unitCode, and may report to an existing position (reportsToPositionId) or to an earlier row "
            + "(reportsToRef)",
            description = "The rows as a JSON array, or as a CSV file (text/csv) as for the unit import: a header line "
                    + "of the same field names, one position a line, an empty cell an absent field, manager true or "
                    + "false (TRUE and FALSE too).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = PositionImportRow.class))),
                    @Content(mediaType = CsvRows.MEDIA_TYPE, schema = @Schema(type = "string"),
                            examples = @ExampleObject(value = CSV_EXAMPLE))}))
    public ResponseEntity<PositionImportResult> importPositions(@PathVariable UUID tenantId,
                                                                @RequestHeader(name = IdempotencyKeys.HEADER,
                                                                        required = false) String idempotencyKey,
                                                                @RequestBody List<PositionImportRow> rows) {
        Rows.requireImportSize(rows);
        List<Problems.FieldError> errors = new ArrayList<>(Rows.violations(validator, rows));
        errors.addAll(rowReferenceErrors(rows));
        Rows.requireNoErrors(errors); // every row's errors in one answer
        RequestIds ids = keys.ids(tenantId, idempotencyKey, "import-positions", rows);
        Instant now = FlexibleInstant.now();
        Map<String, UUID> idsByRef = new HashMap<>();
        List<ImportedPosition> positions = new ArrayList<>(rows.size());
        for (PositionImportRow row : rows) {
            UUID reportsTo = row.reportsToRef() != null ? idsByRef.get(row.reportsToRef()) : row.reportsToPositionId();
            UUID positionId = ids.next();
            idsByRef.put(row.ref(), positionId);
            positions.add(new ImportedPosition(positionId, row.unitId(), row.title(), row.manager(), reportsTo,
                    row.personId(), row.personId() == null ? null : row.holderFrom() != null ? row.holderFrom() : now));
        }
        UUID importId = ids.next();
        List<String> unitCodes = rows.stream().allMatch(row -> row.unitCode() == null) ? List.of()
                : rows.stream().map(PositionImportRow::unitCode).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
        ImportPositionsCommand command = new ImportPositionsCommand(tenantId, importId, positions, unitCodes);
        CommandSender.Outcome<Long> outcome = commands.send(command, tenantId, ids);
        List<Long> revisions = outcome.result() == null ? null : command.revisions(outcome.result());
        List<PositionImportResult.ImportedPositionView> created = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            created.add(new PositionImportResult.ImportedPositionView(rows.get(i).ref(), positions.get(i).positionId(),
                    revisions == null ? null : revisions.get(i)));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PositionImportResult(importId, positions.size(), created, outcome.position()));
    }

    /** What the rows get wrong among themselves: refs used twice or not earlier, the unit, a date without a holder. */
    private static List<Problems.FieldError> rowReferenceErrors(List<PositionImportRow> rows) {
        List<Problems.FieldError> errors = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            PositionImportRow row = rows.get(i);
            if (row == null) {
                continue; // reported by the validation
            }
            if (row.reportsToRef() != null && (!refs.contains(row.reportsToRef()) || row.reportsToPositionId() != null)) {
                errors.add(new Problems.FieldError("[" + i + "].reportsToRef",
                        "must name an earlier row, and not together with reportsToPositionId"));
            }
            if ((row.unitId() == null) == (row.unitCode() == null)) {
                errors.add(new Problems.FieldError("[" + i + "]." + (row.unitId() == null ? "unitId" : "unitCode"),
                        row.unitId() == null ? "is required (or unitCode)" : "give unitId or unitCode, not both"));
            }
            if (row.holderFrom() != null && row.personId() == null) {
                // ignored, the row's date said the position was held while it was imported vacant
                errors.add(new Problems.FieldError("[" + i + "].holderFrom", "only with a personId"));
            }
            if (row.ref() != null && !refs.add(row.ref())) {
                errors.add(new Problems.FieldError("[" + i + "].ref", "ref " + row.ref() + " is used twice"));
            }
        }
        return errors;
    }

    /** The import's CSV form, documented with the JSON one (one operation, two media types). */
    @PostMapping(value = "/import", consumes = CsvRows.MEDIA_TYPE)
    @Hidden
    public ResponseEntity<PositionImportResult> importPositionsFromCsv(@PathVariable UUID tenantId,
                                                                       HttpEntity<byte[]> csv,
                                                                       @RequestHeader(name = IdempotencyKeys.HEADER,
                                                                               required = false) String idempotencyKey) {
        List<PositionImportRow> rows = csvRows.read(csv.getBody(), csv.getHeaders().getContentType(), POSITION_ROWS);
        return importPositions(tenantId, idempotencyKey, rows);
    }

    @PatchMapping("/{positionId}")
    @Operation(summary = "Give the position a new title (not effective-dated: every answer shows the new one)")
    public ResponseEntity<PositionCommandResult> update(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                        @RequestHeader(name = IfMatch.HEADER, required = false)
                                                        String ifMatch,
                                                        @Valid @RequestBody PositionUpdateRequest request) {
        return send(new RetitlePositionCommand(tenantId, positionId, request.title(),
                IfMatch.expectedRevision(ifMatch)), tenantId, positionId);
    }

    @PutMapping("/{positionId}/reporting-lines")
    @Operation(summary = "Set the position's solid and dotted lines from effectiveFrom (default now) until its next "
            + "recorded change of lines; explicit solid lines never form a cycle")
    public ResponseEntity<PositionCommandResult> changeLines(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                             @RequestHeader(name = IfMatch.HEADER, required = false)
                                                             String ifMatch,
                                                             @Valid @RequestBody ReportingLinesRequest request) {
        return send(new ChangeReportingLinesCommand(tenantId, positionId, request.reportsToPositionId(),
                request.dottedLines(), FlexibleInstant.orNow(request.effectiveFrom()), IfMatch.expectedRevision(ifMatch)),
                tenantId, positionId);
    }

    @PostMapping("/{positionId}/move")
    @Operation(summary = "Move the position to another unit from effectiveFrom (default now) until its next move; "
            + "its lines, holders and title go with it")
    public ResponseEntity<PositionCommandResult> move(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                      @RequestHeader(name = IfMatch.HEADER, required = false)
                                                      String ifMatch,
                                                      @Valid @RequestBody PositionMoveRequest request) {
        return send(new MovePositionCommand(tenantId, positionId, request.unitId(),
                FlexibleInstant.orNow(request.effectiveFrom()), IfMatch.expectedRevision(ifMatch)), tenantId, positionId);
    }

    @PutMapping("/{positionId}/manager-role")
    @Operation(summary = "Make the position a manager position, or no longer one, from effectiveFrom (default now) "
            + "until its next recorded change of role; its unit, lines and holders stay")
    public ResponseEntity<PositionCommandResult> changeManagerRole(@PathVariable UUID tenantId,
                                                                   @PathVariable UUID positionId,
                                                                   @RequestHeader(name = IfMatch.HEADER,
                                                                           required = false) String ifMatch,
                                                                   @Valid @RequestBody ManagerRoleRequest request) {
        return send(new ChangeManagerRoleCommand(tenantId, positionId, request.manager(),
                FlexibleInstant.orNow(request.effectiveFrom()), IfMatch.expectedRevision(ifMatch)), tenantId, positionId);
    }

    @PostMapping("/{positionId}/close")
    @Operation(summary = "Close (abolish) the position from effectiveFrom (default now) on; refused while it is held "
            + "or another position has a line to it then or later")
    public ResponseEntity<PositionCommandResult> close(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                       @RequestHeader(name = IfMatch.HEADER, required = false)
                                                       String ifMatch,
                                                       @RequestBody(required = false) EffectiveChangeRequest request) {
        Instant from = FlexibleInstant.orNow(request == null ? null : request.effectiveFrom());
        return send(new ClosePositionCommand(tenantId, positionId, from, IfMatch.expectedRevision(ifMatch)), tenantId,
                positionId);
    }

    @PutMapping("/{positionId}/holder")
    @Operation(summary = "Set who holds the position from 'from' (until 'to' or open), replacing overlapping holdings")
    public ResponseEntity<PositionCommandResult> assign(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                        @RequestHeader(name = IfMatch.HEADER, required = false)
                                                        String ifMatch,
                                                        @Valid @RequestBody HolderRequest request) {
        Instant from = FlexibleInstant.orNow(request.from());
        if (request.to() != null && !request.to().isAfter(from)) {
            // the request's own check sees only a given from; a to before now, with from left out, is as backwards
            throw new OrgException(ErrorCode.VALIDATION, "The request body is invalid", Map.of("errors",
                    List.of(new Problems.FieldError("to", "to must be after from (now, when from is not given)"))));
        }
        return send(new AssignHolderCommand(tenantId, positionId, request.personId(), from, request.to(),
                IfMatch.expectedRevision(ifMatch)), tenantId, positionId);
    }

    @DeleteMapping("/{positionId}/holder")
    @Operation(summary = "Vacate the position from effectiveFrom (default now) on: a holding ends there")
    public ResponseEntity<PositionCommandResult> vacate(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                        @RequestHeader(name = IfMatch.HEADER, required = false)
                                                        String ifMatch,
                                                        @RequestParam(required = false) Instant effectiveFrom) {
        return send(new VacatePositionCommand(tenantId, positionId, FlexibleInstant.orNow(effectiveFrom),
                IfMatch.expectedRevision(ifMatch)), tenantId, positionId);
    }

    private ResponseEntity<PositionCommandResult> send(Object command, UUID tenantId, UUID positionId) {
        return withRevision(ResponseEntity.ok(), positionId, commands.send(command, tenantId));
    }

    /**
     * The position's revision after the command, in the body and as the ETag to send back in If-Match; none only for
     * a create made before positions had revisions, answered again for its Idempotency-Key.
     */
    private static ResponseEntity<PositionCommandResult> withRevision(ResponseEntity.BodyBuilder response,
                                                                      UUID positionId,
                                                                      CommandSender.Outcome<Long> outcome) {
        if (outcome.result() != null) {
            response.eTag(IfMatch.etag(outcome.result()));
        }
        return response.body(new PositionCommandResult(positionId, outcome.position(), outcome.result()));
    }
}
