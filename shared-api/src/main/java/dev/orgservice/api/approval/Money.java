package dev.orgservice.api.approval;

import java.math.BigDecimal;

/**
 * An amount in an ISO 4217 currency. Amounts of different currencies are never compared or converted: an
 * approval limit applies only to requests in its own currency.
 */
public record Money(BigDecimal amount, String currency) {

    /** True when both are in the same currency and this amount is at least {@code other}'s. */
    public boolean covers(Money other) {
        return currency.equals(other.currency()) && amount.compareTo(other.amount()) >= 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
