package dev.orgservice.command.approval;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The delegations of a tenant, as a graph between people, and its rules: nobody delegates to themselves,
 * delegations never form a cycle, and a chain of delegations resolves to its final delegate in at most
 * {@link #MAX_HOPS} hops. Two delegations only chain when they share a purpose and overlap in time, so a chain
 * counts only what can apply together: the common window and purposes of all its links.
 * <p>
 * A grant may start in the past, but at most {@link #MAX_BACKDATING} before it is recorded (an absence recorded
 * late); so a delegation that ended (or was revoked) longer ago than that can overlap no new grant, and only then
 * is it forgotten. A revoked delegation counts until its revocation, as the read model shows it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Delegations {

    public static final int MAX_HOPS = 3;
    public static final Duration MAX_BACKDATING = Duration.ofDays(30);

    /**
     * {@code validTo}: when it ends, by its end date or its revocation, whichever comes first (a snapshot written
     * before 2026-11-28 also holds {@code revoked}, which is ignored: the end says it all).
     */
    record Delegation(String delegatorId, String delegateId, Set<String> purposes, Instant validFrom, Instant validTo) {

        Delegation revokedAt(Instant at) {
            return new Delegation(delegatorId, delegateId, purposes, validFrom, at.isBefore(validTo) ? at : validTo);
        }
    }

    /** Where a chain of delegations can apply: the intersection of its links' windows and purposes. */
    private record Reach(Set<String> purposes, Instant from, Instant to) {

        Reach through(Delegation next) {
            Set<String> shared = new HashSet<>(purposes);
            shared.retainAll(next.purposes());
            Instant start = from.isAfter(next.validFrom()) ? from : next.validFrom();
            Instant end = to.isBefore(next.validTo()) ? to : next.validTo();
            return shared.isEmpty() || !start.isBefore(end) ? null : new Reach(shared, start, end);
        }
    }

    /** Every delegation that may still overlap a new grant: not ended before the last grant's backdating limit. */
    private Map<UUID, Delegation> current = new HashMap<>();

    /**
     * Refuses self-delegation (422), a start more than {@link #MAX_BACKDATING} before {@code now} (422), a cycle
     * (409) and a chain longer than {@link #MAX_HOPS} (422).
     */
    public void requireAllowed(GrantDelegationCommand command, Instant now) {
        if (command.delegatorId().equals(command.delegateId())) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Self delegation: " + command.delegatorId()
                    + " cannot delegate to themselves", Map.of("rule", "self-delegation"));
        }
        if (command.validFrom().isBefore(now.minus(MAX_BACKDATING))) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Delegation backdated: validFrom " + command.validFrom()
                    + " is more than " + MAX_BACKDATING.toDays() + " days ago; a delegation may be recorded late, "
                    + "not rewrite older history", Map.of("rule", "delegation-backdated",
                    "maxBackdatingDays", MAX_BACKDATING.toDays()));
        }
        Delegation added = new Delegation(command.delegatorId(), command.delegateId(), Set.copyOf(command.purposes()),
                command.validFrom(), command.validTo());
        Reach reach = new Reach(added.purposes(), added.validFrom(), added.validTo());
        if (reaches(added.delegateId(), added.delegatorId(), reach, MAX_HOPS)) {
            throw new OrgException(ErrorCode.CYCLE, "Delegation cycle: " + added.delegateId() + " already delegates, "
                    + "directly or through others, to " + added.delegatorId() + " for an overlapping time and purpose",
                    Map.of("rule", "delegation-cycle"));
        }
        int hops = longestInto(added.delegatorId(), reach, added.delegateId());
        if (hops > MAX_HOPS) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Delegation chain too deep: with this delegation a "
                    + "request would pass through " + hops + " delegations; at most " + MAX_HOPS + " are allowed",
                    Map.of("rule", "delegation-chain-too-deep", "maxHops", MAX_HOPS));
        }
    }

    /**
     * Refuses a revocation dated more than {@link #MAX_BACKDATING} before {@code now} (422, as a grant's start: a
     * delegation may be ended late, not rewrite older approvals), and one of a delegation that does not exist or has
     * ended by {@code at}, by its end date or an earlier revocation (404). A revocation may lie ahead: the delegation
     * ends then; a second one before it cuts it shorter still.
     */
    public void requireRevocable(UUID delegationId, Instant at, Instant now) {
        if (at.isBefore(now.minus(MAX_BACKDATING))) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Revocation backdated: effectiveFrom " + at + " is more "
                    + "than " + MAX_BACKDATING.toDays() + " days ago; a delegation may be ended late, not rewrite "
                    + "older history", Map.of("rule", "delegation-backdated", "maxBackdatingDays",
                    MAX_BACKDATING.toDays()));
        }
        Delegation delegation = current.get(delegationId);
        if (delegation == null || !delegation.validTo().isAfter(at)) {
            throw OrgException.notFound("Delegation " + delegationId + " (or it has ended by " + at + ")");
        }
    }

    /**
     * Records a delegation and forgets those that ended more than {@link #MAX_BACKDATING} before {@code recordedAt}:
     * no grant accepted from now on can overlap them.
     */
    public void add(DelegationGrantedEvent event, Instant recordedAt) {
        Instant overlapLimit = recordedAt.minus(MAX_BACKDATING);
        current.values().removeIf(delegation -> !delegation.validTo().isAfter(overlapLimit));
        current.put(event.delegationId(), new Delegation(event.delegatorId(), event.delegateId(),
                Set.copyOf(event.purposes()), event.validFrom(), event.validTo()));
    }

    /** A revoked delegation still counts for the time before its revocation. */
    public void revoke(UUID delegationId, Instant revokedAt) {
        current.computeIfPresent(delegationId, (id, delegation) -> delegation.revokedAt(revokedAt));
    }

    /** Can {@code from} hand over to {@code target} through at most {@code hops} delegations within {@code reach}? */
    private boolean reaches(String from, String target, Reach reach, int hops) {
        if (from.equals(target)) {
            return true;
        }
        if (hops == 0) {
            return false;
        }
        for (Delegation next : outgoing(from)) {
            Reach narrowed = reach.through(next);
            if (narrowed != null && reaches(next.delegateId(), target, narrowed, hops - 1)) {
                return true;
            }
        }
        return false;
    }

    /** Hops of the longest chain ending with the new delegation and continuing from its delegate. */
    private int longestInto(String delegator, Reach reach, String delegate) {
        int longest = 1 + longestFrom(delegate, reach, MAX_HOPS);
        for (Delegation before : incoming(delegator)) {
            Reach narrowed = reach.through(before);
            if (narrowed != null && longest <= MAX_HOPS) {
                longest = Math.max(longest, 1 + longestInto(before.delegatorId(), narrowed, delegate));
            }
        }
        return longest;
    }

    private int longestFrom(String person, Reach reach, int budget) {
        int longest = 0;
        for (Delegation next : outgoing(person)) {
            Reach narrowed = reach.through(next);
            if (narrowed != null && budget > 0) {
                longest = Math.max(longest, 1 + longestFrom(next.delegateId(), narrowed, budget - 1));
            }
        }
        return longest;
    }

    private List<Delegation> outgoing(String person) {
        return current.values().stream().filter(d -> d.delegatorId().equals(person)).toList();
    }

    private List<Delegation> incoming(String person) {
        return current.values().stream().filter(d -> d.delegateId().equals(person)).toList();
    }
}
