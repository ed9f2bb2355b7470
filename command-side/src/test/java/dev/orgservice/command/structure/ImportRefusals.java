package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;

/** How the tree's tests expect an import to be refused: which rows, with which problem type. */
final class ImportRefusals {

    private ImportRefusals() {
    }

    record ExpectedRowError(int row, String type) {
    }

    static ExpectedRowError rowError(int row, ErrorCode code) {
        return new ExpectedRowError(row, code.type().toString());
    }

    /**
     * The refusal of a whole import: a RULE_VIOLATION whose {@code errors} property lists exactly the given rows
     * (numbered from 0) with the problem type of each.
     */
    static Matcher<OrgException> importRefused(ExpectedRowError... expected) {
        List<ExpectedRowError> expectedErrors = List.of(expected);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(OrgException exception) {
                return exception.code() == ErrorCode.RULE_VIOLATION && expectedErrors.equals(rowErrors(exception));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RULE_VIOLATION with row errors ").appendValue(expectedErrors);
            }

            @Override
            protected void describeMismatchSafely(OrgException exception, Description description) {
                description.appendText("had code ").appendValue(exception.code())
                        .appendText(" and row errors ").appendValue(rowErrors(exception));
            }
        };
    }

    static List<ExpectedRowError> rowErrors(OrgException exception) {
        if (!(exception.properties().get("errors") instanceof List<?> errors)) {
            return List.of();
        }
        return errors.stream()
                .map(ImportPlan.RowError.class::cast)
                .map(error -> new ExpectedRowError(error.row(), error.type()))
                .toList();
    }
}
