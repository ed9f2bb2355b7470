package dev.orgservice.command.revision;

import java.util.Set;

/**
 * The revisions of a resource (a unit, a tenant) a conditional command may change it at (the request's
 * {@code If-Match}): the command is refused with {@code 412 precondition-failed} when the resource has moved on since
 * the client read it, instead of silently overwriting a change the client never saw. {@link #ANY} when the request
 * set no condition.
 */
public record ExpectedRevision(Set<Long> anyOf) {

    public static final ExpectedRevision ANY = new ExpectedRevision(null);

    public ExpectedRevision {
        anyOf = anyOf == null ? null : Set.copyOf(anyOf);
    }

    public static ExpectedRevision of(long revision) {
        return new ExpectedRevision(Set.of(revision));
    }

    public boolean allows(long revision) {
        return anyOf == null || anyOf.contains(revision);
    }
}
