package dev.orgservice.command.approval.web;

import dev.orgservice.api.approval.Money;
import dev.orgservice.platform.validation.Amount;
import dev.orgservice.platform.validation.IsoCurrency;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** An amount (a JSON string or number, at most 4 decimals) in an ISO 4217 currency. */
public record MoneyRequest(
        @NotNull @Amount BigDecimal amount,
        @NotNull @IsoCurrency String currency) {

    Money toMoney() {
        return new Money(amount, currency);
    }
}
