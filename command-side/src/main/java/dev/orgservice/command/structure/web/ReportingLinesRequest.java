package dev.orgservice.command.structure.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A position's lines from {@code effectiveFrom} (default now) on, both replacing what was in effect: the solid line
 * (absent: the unit's manager, then its ancestors' managers) and the dotted lines (absent: none).
 */
@Schema(example = """
        {"reportsToPositionId": "5b7e0f2c-9a41-4c1e-8f55-3f1d2b6c7a90", "dottedLineToPositionIds": [],
         "effectiveFrom": "2027-01-01T00:00:00Z"}""")
public record ReportingLinesRequest(
        @Schema(description = "explicit solid line; absent or null: the unit's manager") UUID reportsToPositionId,
        @Size(max = 20) @UniqueElements List<@NotNull UUID> dottedLineToPositionIds,
        @Schema(example = "2027-01-01T00:00:00Z") Instant effectiveFrom) {

    public List<UUID> dottedLines() {
        return dottedLineToPositionIds == null ? List.of() : dottedLineToPositionIds;
    }

    /** As when a position is created: a dotted line to the position of the solid line is a mistake. */
    @AssertTrue(message = "a dotted line may not repeat the solid line (reportsToPositionId)")
    @Schema(hidden = true)
    public boolean isDottedLineApart() {
        return reportsToPositionId == null || !dottedLines().contains(reportsToPositionId);
    }
}
