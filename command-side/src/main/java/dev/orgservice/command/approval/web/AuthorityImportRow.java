package dev.orgservice.command.approval.web;

import dev.orgservice.api.approval.ApprovalPurposes;
import dev.orgservice.platform.validation.Amount;
import dev.orgservice.platform.validation.IsoCurrency;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.util.UUID;

/** One row of {@code POST .../approval-authorities/import}. */
public record AuthorityImportRow(
        @NotNull UUID positionId,
        @NotNull @Pattern(regexp = ApprovalPurposes.PATTERN) String purpose,
        @NotNull @Amount BigDecimal amount,
        @NotNull @IsoCurrency String currency) {
}
