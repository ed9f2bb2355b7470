package dev.orgservice.command;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.Map;
import java.util.Objects;

/** Matchers for aggregate fixture tests: which rule a command broke. */
public final class OrgErrors {

    private OrgErrors() {
    }

    /** An {@link OrgException} carrying the given error code. */
    public static Matcher<OrgException> orgError(ErrorCode code) {
        return orgError(code, Map.of());
    }

    /**
     * An {@link OrgException} carrying the given error code and at least these problem members, each equal to the
     * value given (say {@code rule}: {@code self-delegation}); the client switches on them as on the type.
     */
    public static Matcher<OrgException> orgError(ErrorCode code, Map<String, ?> members) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(OrgException exception) {
                return exception.code() == code && members.entrySet().stream().allMatch(member ->
                        Objects.equals(exception.properties().get(member.getKey()), member.getValue()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an OrgException with code ").appendValue(code);
                if (!members.isEmpty()) {
                    description.appendText(" and members ").appendValue(members);
                }
            }

            @Override
            protected void describeMismatchSafely(OrgException exception, Description description) {
                description.appendText("had code ").appendValue(exception.code()).appendText(" and members ")
                        .appendValue(exception.properties());
            }
        };
    }

    /** An {@link OrgException} carrying the given error code and exactly the given problem members. */
    public static Matcher<OrgException> orgErrorExactly(ErrorCode code, Map<String, Object> properties) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(OrgException exception) {
                return exception.code() == code && exception.properties().equals(properties);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an OrgException with code ").appendValue(code).appendText(" and members ")
                        .appendValue(properties);
            }

            @Override
            protected void describeMismatchSafely(OrgException exception, Description description) {
                description.appendText("had code ").appendValue(exception.code()).appendText(" and members ")
                        .appendValue(exception.properties());
            }
        };
    }
}
