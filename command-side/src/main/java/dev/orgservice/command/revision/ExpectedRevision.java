package dev.orgservice.command.revision;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;

import java.util.HashMap;
import java.util.Map;
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

    /**
     * Refuses with {@code 412 precondition-failed} when the resource is at a revision the command does not expect.
     *
     * @param expected the command's condition; null is {@link #ANY}
     * @param what     the resource as the problem's detail names it, e.g. "Unit D1"
     * @param identity the problem's members that identify the resource, e.g. {@code unitId}
     */
    public static void require(ExpectedRevision expected, long current, String what, Map<String, Object> identity) {
        if (expected != null && !expected.allows(current)) {
            Map<String, Object> properties = new HashMap<>(identity);
            properties.put("currentRevision", current);
            throw new OrgException(ErrorCode.PRECONDITION_FAILED, what + " is at revision " + current + ", not at the "
                    + "one the request's If-Match names: it changed since it was read; read it again", properties);
        }
    }
}
