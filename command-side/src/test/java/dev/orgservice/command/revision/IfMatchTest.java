package dev.orgservice.command.revision;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code If-Match} as RFC 9110 writes it: {@code *} or a list of entity tags, compared strongly. */
class IfMatchTest {

    @Test
    void noHeaderOrAStarSetsNoCondition() {
        assertThat(IfMatch.expectedRevision(null)).isEqualTo(ExpectedRevision.ANY);
        assertThat(IfMatch.expectedRevision("")).isEqualTo(ExpectedRevision.ANY);
        assertThat(IfMatch.expectedRevision(" * ")).isEqualTo(ExpectedRevision.ANY);
    }

    @Test
    void aStrongTagNamesTheRevision() {
        assertThat(IfMatch.expectedRevision("\"7\"")).isEqualTo(ExpectedRevision.of(7));
    }

    @Test
    void aListNamesEachOfItsRevisions() {
        assertThat(IfMatch.expectedRevision("\"7\", \"12\",\"0\"").anyOf()).isEqualTo(Set.of(7L, 12L, 0L));
        assertThat(IfMatch.expectedRevision(", \"7\" ,, ").anyOf()).as("empty list elements are allowed")
                .isEqualTo(Set.of(7L));
    }

    @Test
    void weakTagsAndTagsThatAreNoRevisionMatchNothing() {
        assertThat(IfMatch.expectedRevision("W/\"7\"").anyOf()).isEmpty();
        assertThat(IfMatch.expectedRevision("\"abc\", \"-1\", \"\"").anyOf()).isEmpty();
        assertThat(IfMatch.expectedRevision("W/\"7\", \"8\"").anyOf()).isEqualTo(Set.of(8L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "\"7", "\"7\" \"8\"", "W/7", ",", "\"7\"x"})
    void anythingElseIsABadRequest(String header) {
        assertThatThrownBy(() -> IfMatch.expectedRevision(header))
                .isInstanceOfSatisfying(OrgException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION));
    }

    @Test
    void theETagOfARevisionIsItsStrongTag() {
        assertThat(IfMatch.etag(42)).isEqualTo("\"42\"");
        assertThat(IfMatch.expectedRevision(IfMatch.etag(42))).isEqualTo(ExpectedRevision.of(42));
    }
}
