package dev.orgservice.command.structure.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import dev.orgservice.platform.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.util.List;
import java.util.UUID;

@Schema(example = """
        {"unitId": "8d0c7c1e-3f43-4d43-9a53-0c9c8d6a3b11", "title": "Head of Finance", "manager": true}""")
public record PositionRequest(
        @NotNull UUID unitId,
        @NotBlank @Pattern(regexp = Text.NOT_BLANK, message = Text.NOT_BLANK_MESSAGE) @Size(max = 200) String title,
        boolean manager,
        @Schema(description = "explicit solid line, where it differs from the unit's manager") UUID reportsToPositionId,
        @Size(max = 20) @UniqueElements List<@NotNull UUID> dottedLineToPositionIds) {

    /** A dotted line to the position of the solid line says nothing the solid line does not: a mistake. */
    @AssertTrue(message = "a dotted line may not repeat the solid line (reportsToPositionId)")
    @Schema(hidden = true)
    public boolean isDottedLineApart() {
        return reportsToPositionId == null || dottedLineToPositionIds == null
                || !dottedLineToPositionIds.contains(reportsToPositionId);
    }
}
