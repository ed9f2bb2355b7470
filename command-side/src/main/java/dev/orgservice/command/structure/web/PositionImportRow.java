package dev.orgservice.command.structure.web;

import dev.orgservice.api.structure.PersonIds;
import dev.orgservice.platform.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of a position import. {@code ref} is the client's own name for the row, so later rows can report to it
 * ({@code reportsToRef}); ids are always chosen by the server, and the answer maps each ref to its id. The unit is
 * named by {@code unitId} or by {@code unitCode} (as an HR file knows it), one of them.
 */
public record PositionImportRow(
        @NotBlank @Size(max = 64) String ref,
        UUID unitId,
        @Size(max = 64) String unitCode,
        @NotBlank @Pattern(regexp = Text.NOT_BLANK, message = Text.NOT_BLANK_MESSAGE) @Size(max = 200) String title,
        boolean manager,
        UUID reportsToPositionId,
        @Size(max = 64) String reportsToRef,
        @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE) String personId,
        Instant holderFrom) {
}
