package dev.orgservice.command.structure.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** A row of a position import; {@code positionId} may be chosen by the client so later rows can report to it. */
public record PositionImportRow(
        UUID positionId,
        @NotNull UUID unitId,
        @NotBlank @Size(max = 200) String title,
        boolean manager,
        UUID reportsToPositionId,
        @Pattern(regexp = UnitRequest.PERSON_ID) String personId,
        Instant holderFrom) {
}
