package dev.orgservice.query.structure.web;

import dev.orgservice.api.structure.PersonIds;
import dev.orgservice.api.view.ChainLinkView;
import dev.orgservice.api.view.ItemsView;
import dev.orgservice.api.view.PageView;
import dev.orgservice.api.view.PositionView;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.security.Role;
import dev.orgservice.query.structure.PositionFilter;
import dev.orgservice.query.structure.PositionQueries;
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
@Tag(name = "Reporting structure", description = "Positions, reports and management chains as of asOf "
        + "(default now); every endpoint accepts minPosition")
@PreAuthorize(Role.READING)
public class PositionQueryController {

    private final PositionQueries positions;

    public PositionQueryController(PositionQueries positions) {
        this.positions = positions;
    }

    @GetMapping("/positions/{positionId}")
    @Operation(summary = "A position with its holder as of asOf")
    public PositionView position(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                 @RequestParam(required = false) Instant asOf,
                                 @RequestParam(required = false) Long minPosition) {
        return positions.position(tenantId, positionId, orNow(asOf))
                .orElseThrow(() -> OrgException.notFound("Position " + positionId));
    }

    @GetMapping("/positions")
    @Operation(summary = "A page of the tenant's positions open at asOf, by creation, with their holders; vacant and "
            + "manager (true or false) keep only the vacant or held, manager or other positions")
    public PageView<PositionView> positions(@PathVariable UUID tenantId,
                                            @RequestParam(required = false) Instant asOf,
                                            @RequestParam(required = false)
                                            @Parameter(description = "true: only the positions nobody holds at asOf "
                                                    + "(the vacancies); false: only the held ones.") Boolean vacant,
                                            @RequestParam(required = false)
                                            @Parameter(description = "true: only the manager positions at asOf; "
                                                    + "false: only the others.") Boolean manager,
                                            @RequestParam(required = false)
                                            @Parameter(description = "Only the positions after this one in the list: "
                                                    + "pass the last positionId of a page to get the next (total then "
                                                    + "counts the positions after it), which costs the same on every "
                                                    + "page, where a deep page number makes the database walk the "
                                                    + "pages before it. 400 if it is no position of this tenant.")
                                            UUID after,
                                            @RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                            @RequestParam(required = false) Long minPosition) {
        return positions.ofTenant(tenantId, orNow(asOf), new PositionFilter(vacant, manager, after), page, size);
    }

    @GetMapping("/positions/{positionId}/reports")
    @Operation(summary = "A page of the direct reports, or of everyone below with indirect=true, breadth first",
            description = "total counts every report, so each page walks the whole reporting structure below the "
                    + "position; only the page's holders are read")
    public PageView<ChainLinkView> reports(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                           @RequestParam(defaultValue = "false") boolean indirect,
                                           @RequestParam(required = false) Instant asOf,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                           @RequestParam(required = false) Long minPosition) {
        return positions.reports(tenantId, positionId, indirect, orNow(asOf), page, size)
                .orElseThrow(() -> OrgException.notFound("Position " + positionId));
    }

    @GetMapping("/positions/{positionId}/dotted-line-reports")
    @Operation(summary = "The positions with a dotted (matrix) line to this one, by creation")
    public PageView<ChainLinkView> dottedLineReports(@PathVariable UUID tenantId, @PathVariable UUID positionId,
                                                     @RequestParam(required = false) Instant asOf,
                                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                                     @RequestParam(required = false) Long minPosition) {
        return positions.dottedLineReports(tenantId, positionId, orNow(asOf), page, size)
                .orElseThrow(() -> OrgException.notFound("Position " + positionId));
    }

    @GetMapping("/units/{unitId}/positions")
    @Operation(summary = "The unit's positions open at asOf with their holders: managers first (the first is the "
            + "unit's manager), then by creation")
    public PageView<PositionView> ofUnit(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                         @RequestParam(required = false) Instant asOf,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
                                         @RequestParam(required = false) Long minPosition) {
        return positions.ofUnit(tenantId, unitId, orNow(asOf), page, size)
                .orElseThrow(() -> OrgException.notFound("Unit " + unitId + " at that time"));
    }

    @GetMapping("/units/{unitId}/manager")
    @Operation(summary = "Who manages the unit at asOf: its manager position with the holder (vacant: none), or, for a "
            + "unit without one, the nearest ancestor's (the position's unitId says whose)")
    public PositionView managerOf(@PathVariable UUID tenantId, @PathVariable UUID unitId,
                                  @RequestParam(required = false) Instant asOf,
                                  @RequestParam(required = false) Long minPosition) {
        return positions.managerOf(tenantId, unitId, orNow(asOf))
                .orElseThrow(() -> OrgException.notFound("A manager position at or above unit " + unitId + " at that time"));
    }

    @GetMapping("/people/{personId}/positions")
    @Operation(summary = "The positions a person holds at asOf, the one their chains start from first")
    public ItemsView<PositionView> heldBy(@PathVariable UUID tenantId, @PathVariable @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE) String personId,
                                          @RequestParam(required = false) Instant asOf,
                                          @RequestParam(required = false) Long minPosition) {
        return new ItemsView<>(positions.heldBy(tenantId, personId, orNow(asOf)));
    }

    @GetMapping("/people/{personId}/management-chain")
    @Operation(summary = "The managers above a person, nearest first; vacant managers are listed as vacant")
    public ItemsView<ChainLinkView> managementChain(@PathVariable @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE) String personId, @PathVariable UUID tenantId,
                                                    @RequestParam(required = false)
                                                    @Parameter(description = "The person's position the chain starts "
                                                            + "from, if they hold several; default: the one held the "
                                                            + "longest at asOf.") UUID positionId,
                                                    @RequestParam(required = false) Instant asOf,
                                                    @RequestParam(required = false) Long minPosition) {
        return new ItemsView<>(positions.managementChain(tenantId, personId, positionId, orNow(asOf))
                .orElseThrow(() -> OrgException.notFound("Person " + personId + " holding a position at that time")));
    }
}
