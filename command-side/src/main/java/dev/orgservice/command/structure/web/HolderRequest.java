package dev.orgservice.command.structure.web;

import dev.orgservice.api.structure.PersonIds;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** Who holds the position from {@code from} (default now) until {@code to} (open when absent). */
@Schema(example = """
        {"personId": "hr:4711", "from": "2026-01-01T00:00:00Z"}""")
public record HolderRequest(
        @NotNull @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE)
        String personId,
        Instant from,
        Instant to) {

    @AssertTrue(message = "to must be after from")
    public boolean isRangeOrdered() {
        return to == null || from == null || to.isAfter(from);
    }
}
