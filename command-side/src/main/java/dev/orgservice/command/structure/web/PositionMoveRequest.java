package dev.orgservice.command.structure.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** The unit a position sits in from {@code effectiveFrom} (an instant or a date; default now) until its next move. */
@Schema(example = """
        {"unitId": "8d0c7c1e-3f43-4d43-9a53-0c9c8d6a3b11", "effectiveFrom": "2027-01-01T00:00:00Z"}""")
public record PositionMoveRequest(@NotNull UUID unitId, Instant effectiveFrom) {
}
