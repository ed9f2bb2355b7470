package dev.orgservice.query.structure.web;

import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.view.ItemsView;
import dev.orgservice.api.view.PageView;
import dev.orgservice.api.view.UnitSummaryView;
import dev.orgservice.api.view.UnitView;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.security.Role;
import dev.orgservice.query.structure.HierarchyQueries;
import dev.orgservice.query.structure.UnitExport;
import dev.orgservice.query.structure.UnitFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/tenants/{tenantId}/units")
@Tag(name = "Hierarchy", description = "The company structure as of a point in time (asOf: an instant or a date, "
        + "default now). Every endpoint accepts minPosition (or X-Min-Position) to read its own writes.")
@PreAuthorize(Role.READING)
public class UnitQueryController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");

    private final HierarchyQueries hierarchy;
    private final UnitExport export;

    public UnitQueryController(HierarchyQueries hierarchy, UnitExport export) {
        this.hierarchy = hierarchy;
        this.export = export;
    }

    @GetMapping
    @Operation(summary = "Search units by type, status and q (prefix of the code or of any word of the name)")
    public PageView<UnitSummaryView> search(@PathVariable UUID tenantId,
                                            @RequestParam(required = false)
                                            @Parameter(description = "Only units of this type.") UnitType type,
                                            @RequestParam(required = false)
                                            @Parameter(description = "Only units in this status at asOf.")
                                            UnitStatus status,
                                            @RequestParam(required = false)
                                            @Parameter(description = "Only units whose code, or a word of whose name, "
                                                    + "starts with this text, ignoring case.") String q,
                                            @RequestParam(required = false) @Size(max = 64)
                                            @Parameter(description = "Only units whose code sorts after this one: "
                                                    + "pass the last code of a page to get the next (total then "
                                                    + "counts the units after it), which costs the same on every "
                                                    + "page, where a deep page number makes the database walk the "
                                                    + "pages before it.") String after,
                                            @RequestParam(required = false) Instant asOf,
                                            @RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size,
                                            @RequestParam(required = false) Long minPosition) {
        return hierarchy.search(tenantId, new UnitFilter(type, status, q, after), orNow(asOf), page, size);
    }

    /** CSV whatever the request accepts (the file is the answer); an error is a problem, as everywhere. */
    @GetMapping("/export")
    @Operation(summary = "The tenant's active units as a CSV file that a unit import (POST .../units/import, text/csv) "
            + "takes as it is: the import's fields as columns, units named by code, every unit after its parent and "
            + "its centers. Up to 20,000 rows go into one import: split a larger file into parts in its order.")
    @ApiResponse(responseCode = "200", description = "UTF-8 with a byte order mark, comma-separated; text a "
            + "spreadsheet would take for a formula starts with ', which the import removes.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(
                    value = "type,code,name,parentCode,...\r\nLEGAL_ENTITY,ACME,Acme GmbH,,...\r\n")))
    public ResponseEntity<byte[]> export(@PathVariable UUID tenantId, @RequestParam(required = false) Instant asOf,
                                         @RequestParam(required = false) Long minPosition) {
        byte[] file = UnitCsv.of(export.activeUnits(tenantId, orNow(asOf), asOf != null));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("units-" + tenantId + ".csv").build().toString())
                .body(file);
    }

    @GetMapping("/{unitId}")
    @Operation(summary = "One unit with its parent, path (ids root..unit) and depth as of asOf")
    public UnitView unit(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                         @RequestParam(required = false) Instant asOf, @RequestParam(required = false) Long minPosition) {
        return hierarchy.unit(tenantId, unitId, orNow(asOf), asOf != null).orElseThrow(() -> missing(unitId));
    }

    @GetMapping("/{unitId}/children")
    @Operation(summary = "Direct children as of asOf, by code")
    public PageView<UnitSummaryView> children(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                              @RequestParam(required = false) Instant asOf,
                                              @RequestParam(defaultValue = "0") @Min(0) int page,
                                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                              @RequestParam(required = false) Long minPosition) {
        return hierarchy.children(tenantId, unitId, orNow(asOf), page, size).orElseThrow(() -> missing(unitId));
    }

    @GetMapping("/{unitId}/subtree")
    @Operation(summary = "The unit (depth 0) and its descendants down to depth, breadth first, paged")
    public PageView<UnitSummaryView> subtree(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                             @RequestParam(defaultValue = "64") @Min(0) @Max(64) int depth,
                                             @RequestParam(required = false) Instant asOf,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int size,
                                             @RequestParam(required = false) Long minPosition) {
        return hierarchy.subtree(tenantId, unitId, orNow(asOf), depth, page, size).orElseThrow(() -> missing(unitId));
    }

    @GetMapping("/{unitId}/ancestors")
    @Operation(summary = "Ancestors nearest first (parent ... root), without the unit itself")
    public ItemsView<UnitSummaryView> ancestors(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                                @RequestParam(required = false) Instant asOf,
                                                @RequestParam(required = false) Long minPosition) {
        return new ItemsView<>(hierarchy.ancestors(tenantId, unitId, orNow(asOf)).orElseThrow(() -> missing(unitId)));
    }

    private static OrgException missing(UUID unitId) {
        return OrgException.notFound("Unit " + unitId + " (at the requested asOf)");
    }
}
