package dev.orgservice.command.approval.web;

import dev.orgservice.platform.validation.Amount;
import dev.orgservice.platform.validation.IsoCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** The position's limit for one purpose in one currency, from {@code effectiveFrom} (default now). */
@Schema(example = """
        {"amount": "50000.00", "currency": "EUR"}""")
public record AuthorityRequest(
        @NotNull @Amount BigDecimal amount,
        @NotNull @IsoCurrency String currency,
        Instant effectiveFrom) {
}
