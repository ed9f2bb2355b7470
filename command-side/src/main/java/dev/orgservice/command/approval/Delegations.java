package dev.orgservice.command.approval;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The delegations of a tenant that have not ended, as a graph between people, and its rules: nobody delegates
 * to themselves, delegations never form a cycle, and a chain of delegations resolves to its final delegate in
 * at most {@link #MAX_HOPS} hops. Two delegations only chain when they share a purpose and overlap in time, so
 * a chain counts only what can apply together: the common window and purposes of all its links.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Delegations {

    public static final int MAX_HOPS = 3;

    record Delegation(String delegatorId, String delegateId, Set<String> purposes, Instant validFrom, Instant validTo) {
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

    private Map<UUID, Delegation> current = new HashMap<>();

    /** Refuses self-delegation (422), a cycle (409) and a chain longer than {@link #MAX_HOPS} (422). */
    public void requireAllowed(GrantDelegationCommand command) {
        if (command.delegatorId().equals(command.delegateId())) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "Self delegation: " + command.delegatorId()
                    + " cannot delegate to themselves", Map.of("rule", "self-delegation"));
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

    public boolean contains(UUID delegationId) {
        return current.containsKey(delegationId);
    }

    /** Records a delegation and forgets those that ended before {@code recordedAt}: they can no longer chain. */
    public void add(DelegationGrantedEvent event, Instant recordedAt) {
        current.values().removeIf(delegation -> !delegation.validTo().isAfter(recordedAt));
        current.put(event.delegationId(), new Delegation(event.delegatorId(), event.delegateId(),
                Set.copyOf(event.purposes()), event.validFrom(), event.validTo()));
    }

    public void remove(UUID delegationId) {
        current.remove(delegationId);
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
