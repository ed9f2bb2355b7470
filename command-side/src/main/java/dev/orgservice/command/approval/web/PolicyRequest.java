package dev.orgservice.command.approval.web;

import dev.orgservice.api.approval.ApprovalStep;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An approval policy: ordered steps, how many approvers it takes (default 1 to 8), and when it applies. */
@Schema(example = """
        {"steps": [{"kind": "MANAGEMENT_CHAIN_UNTIL_AUTHORITY"},
                   {"kind": "POSITION", "positionId": "7d1c0e8e-3f0a-4f57-9a39-2b1c3b3a9f10",
                    "above": {"amount": "100000.00", "currency": "EUR"}}],
         "minApprovers": 1, "maxApprovers": 8}""")
public record PolicyRequest(
        @NotEmpty @Size(max = 10) List<@Valid @NotNull Step> steps,
        @Min(1) @Max(20) Integer minApprovers,
        @Min(1) @Max(20) Integer maxApprovers,
        Instant effectiveFrom) {

    public record Step(@NotNull ApprovalStep.Kind kind, UUID positionId, @Valid MoneyRequest above) {

        @AssertTrue(message = "a POSITION step names its positionId; other steps name none, and only POSITION has 'above'")
        public boolean isShaped() {
            return kind == null || (kind == ApprovalStep.Kind.POSITION) == (positionId != null)
                    && (above == null || kind == ApprovalStep.Kind.POSITION);
        }

        ApprovalStep toStep() {
            return new ApprovalStep(kind, positionId, above == null ? null : above.toMoney());
        }
    }

    int min() {
        return minApprovers == null ? 1 : minApprovers;
    }

    int max() {
        return maxApprovers == null ? Math.max(8, min()) : maxApprovers;
    }

    @AssertTrue(message = "minApprovers must not exceed maxApprovers")
    public boolean isCountOrdered() {
        return min() <= max();
    }

    @AssertTrue(message = "at most one MANAGEMENT_CHAIN_UNTIL_AUTHORITY step")
    public boolean isChainOnce() {
        return steps == null || steps.stream().filter(s -> s != null && s.kind() == ApprovalStep.Kind.MANAGEMENT_CHAIN_UNTIL_AUTHORITY).count() <= 1;
    }
}
