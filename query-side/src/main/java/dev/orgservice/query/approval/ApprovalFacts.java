package dev.orgservice.query.approval;

import dev.orgservice.api.approval.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What resolving one approval chain needs from the read model, loaded in one tenant-scoped transaction: the
 * requester's position, the management chain above it (nearest first) with holders and authorities in the
 * request's currency, the positions the policy names, the cost center's owner, and the delegations in force
 * that start from any of these people (with their onward hops).
 */
record ApprovalFacts(UUID requesterPositionId, StoredPolicy policy, boolean defaultPolicy,
                     List<Seat> chain, Map<UUID, Seat> namedPositions, CostCenter costCenter,
                     List<Delegation> delegations, Set<UUID> requesterUnitAndAncestors) {

    /**
     * A position as of the request: its holder (null when vacant), its limit in the request's currency (null: none),
     * and whether it is closed then (only a position a policy names can be: the chain walk skips closed ones).
     */
    record Seat(UUID positionId, UUID unitId, String title, String holderId, BigDecimal authority, boolean closed) {
    }

    /**
     * The cost center charged and its responsible person (null when it has none); {@code unavailable} says why it
     * cannot be charged at the request's instant (closed, or past its validity), null when it can.
     */
    record CostCenter(UUID unitId, String code, String ownerId, String unavailable) {
    }

    /** A delegation in force at the request's instant for its purpose. */
    record Delegation(UUID delegationId, String delegatorId, String delegateId, UUID unitScope, Money maxAmount,
                      Instant grantedAt) {
    }
}
