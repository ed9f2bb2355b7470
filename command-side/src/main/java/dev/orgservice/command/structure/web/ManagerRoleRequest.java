package dev.orgservice.command.structure.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * Whether the position is a manager position from {@code effectiveFrom} (an instant or a date; default now) until its
 * next change of role. Required, not defaulted: a forgotten field must not demote a manager.
 */
@Schema(example = """
        {"manager": true, "effectiveFrom": "2027-01-01T00:00:00Z"}""")
public record ManagerRoleRequest(
        @NotNull @Schema(description = "true: a manager position (its unit's manager if it is the first there)")
        Boolean manager,
        @Schema(example = "2027-01-01T00:00:00Z") Instant effectiveFrom) {
}
