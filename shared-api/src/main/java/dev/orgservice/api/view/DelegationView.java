package dev.orgservice.api.view;

import dev.orgservice.api.approval.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delegation as the read model has it; {@code validTo} is already shortened by a revocation. */
public record DelegationView(UUID delegationId, String delegatorId, String delegateId, List<String> purposes,
                             UUID unitScope, Money maxAmount, Instant validFrom, Instant validTo, Instant grantedAt) {
}
