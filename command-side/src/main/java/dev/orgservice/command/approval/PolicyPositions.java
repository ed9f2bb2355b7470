package dev.orgservice.command.approval;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.command.Timelines;
import dev.orgservice.platform.problem.OrgException;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The positions the tenant's approval policies name, over time, so that a position stays open while a policy names
 * it: a purpose's policy holds from its {@code effectiveFrom} until the next one recorded for a later date (one
 * recorded for the same instant replaces it), as the read model keeps them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PolicyPositions {

    /** A purpose's policy from {@code from} until the next term's, naming {@code named}. */
    record Term(Instant from, Set<UUID> named) {
    }

    /** A policy that names a position: its purpose and the start of its term. */
    public record Naming(String purpose, Instant from) {
    }

    private Map<String, List<Term>> terms = new HashMap<>();

    public void define(String purpose, Instant from, Collection<UUID> named) {
        terms.put(purpose, Timelines.replacedAt(terms.getOrDefault(purpose, List.of()), new Term(from, Set.copyOf(named)),
                Term::from));
    }

    /** When a policy for {@code purpose} that takes effect at {@code from} ends: the next one's start (null: never). */
    public Instant termEnd(String purpose, Instant from) {
        return terms.getOrDefault(purpose, List.of()).stream().map(Term::from).filter(start -> start.isAfter(from))
                .findFirst().orElse(null);
    }

    /** Refuses (409) to close a position from {@code at} while a policy in force then or later names it. */
    public void requireNotNaming(UUID positionId, Instant at) {
        naming(positionId, at).ifPresent(policy -> {
            throw new OrgException(ErrorCode.CONFLICT, "The " + policy.purpose() + " approval policy from "
                    + policy.from() + " names position " + positionId + " at some time from " + at
                    + "; define the policy anew without it first",
                    Map.of("positionId", positionId, "purpose", policy.purpose(), "at", at.toString()));
        });
    }

    /** A policy in force at some instant from {@code from} on that names {@code positionId}, if any. */
    public Optional<Naming> naming(UUID positionId, Instant from) {
        for (var entry : terms.entrySet()) {
            List<Term> timeline = entry.getValue();
            for (int i = 0; i < timeline.size(); i++) {
                Instant end = i + 1 < timeline.size() ? timeline.get(i + 1).from() : null;
                if ((end == null || end.isAfter(from)) && timeline.get(i).named().contains(positionId)) {
                    return Optional.of(new Naming(entry.getKey(), timeline.get(i).from()));
                }
            }
        }
        return Optional.empty();
    }
}
