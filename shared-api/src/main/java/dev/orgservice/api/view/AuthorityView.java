package dev.orgservice.api.view;

import dev.orgservice.api.approval.Money;

import java.time.Instant;

/** A position's limit for one purpose in one currency, in force from {@code validFrom} until {@code validTo}. */
public record AuthorityView(String purpose, Money limit, Instant validFrom, Instant validTo) {
}
