package dev.orgservice.command.revision;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Review of {@link IfMatch}.
 * <p>
 * Defect 1: a strong entity tag that is not the revision's ETag but whose digits have the same numeric value
 * ({@code "07"}, {@code "007"}) matches revision 7. Expected (docs/api.md "Conditional changes": "If-Match compares
 * strongly", "one that is not a revision never matches"; RFC 9110 8.8.3.2: strong comparison is a character-by-
 * character match of the opaque tags): only {@code "7"}, the ETag the server answered, matches. Observed: the tag is
 * parsed with {@code Long.parseLong}, so {@code "07"} allows revision 7.
 * <p>
 * Defect 2: a quoted string holding characters an entity tag cannot hold (space, control, DEL; RFC 9110 etagc is
 * %x21 / %x23-7E / obs-text) is accepted as a tag that merely does not match (412 after the aggregate loads).
 * Expected (docs/api.md: "a header that is not * or a list of quoted entity tags is 400
 * (errors: [{field: "If-Match"}])"): a 400 validation problem. Observed: no exception, an empty condition.
 */
class IfMatchReviewTest {

    @Test
    void aTagWithLeadingZerosIsNotTheRevisionsETag() {
        assertThat(IfMatch.expectedRevision("\"07\"").allows(7))
                .as("If-Match: \"07\" compared strongly with ETag \"7\" must not match")
                .isFalse();
        assertThat(IfMatch.expectedRevision("\"007\", \"9\"").allows(7))
                .as("If-Match: \"007\", \"9\" must not match revision 7")
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7 8\"", "\"7\t\"", "\"\u007f\""})
    void aQuotedStringThatIsNoEntityTagIsABadRequest(String header) {
        assertThatThrownBy(() -> IfMatch.expectedRevision(header))
                .as("If-Match: %s is not a list of entity tags (etagc excludes SP, HTAB, DEL): expected 400", header)
                .isInstanceOfSatisfying(OrgException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }
}
