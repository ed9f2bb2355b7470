package dev.orgservice.command.structure.web;

import io.swagger.v3.oas.annotations.media.Schema;
import dev.orgservice.platform.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What of a position may change after it is created: its title (its unit and lines are part of the structure). */
@Schema(example = """
        {"title": "Chief Financial Officer"}""")
public record PositionUpdateRequest(
        @NotBlank @Pattern(regexp = Text.NOT_BLANK, message = Text.NOT_BLANK_MESSAGE) @Size(max = 200) String title) {
}
