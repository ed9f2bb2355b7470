package dev.orgservice.command.revision;

import dev.orgservice.platform.problem.OrgException;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's {@code If-Match} (RFC 9110, section 13.1.1) read as the revisions it accepts. A revision travels as a
 * strong entity tag holding its number ({@code "7"}), the form of the {@code ETag} the unit, position and tenant
 * commands answer.
 * If-Match compares strongly, so a weak tag ({@code W/"7"}) matches nothing, nor does a tag that is not a
 * revision: such a request is refused with 412 like a stale one. Absent or {@code *}: no condition (a resource that
 * does not exist is a 404 either way). A header that is not a list of entity tags is a 400.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    /** A revision as {@link #etag} writes it: strong comparison is character by character, so "07" is not 7. */
    private static final Pattern REVISION = Pattern.compile("0|[1-9][0-9]{0,17}");
    /** What an entity tag may hold (RFC 9110 etagc: %x21 / %x23-7E / obs-text). */
    private static final Pattern ETAG_CHARACTERS = Pattern.compile("[\\x21\\x23-\\x7E\\x80-\\xFF]*");
    private static final String SPACES = " \t";
    /** A list may have empty elements (RFC 9110, section 5.6.1): commas are skipped with the spaces between tags. */
    private static final String LIST_SEPARATORS = ", \t";

    private IfMatch() {
    }

    public static ExpectedRevision expectedRevision(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ExpectedRevision.ANY;
        }
        Set<Long> revisions = new HashSet<>();
        int tags = 0;
        int at = 0;
        while ((at = skip(header, at, LIST_SEPARATORS)) < header.length()) {
            boolean weak = header.startsWith("W/", at);
            int open = weak ? at + 2 : at;
            int close = open < header.length() && header.charAt(open) == '"' ? header.indexOf('"', open + 1) : -1;
            if (close < 0) {
                throw malformed();
            }
            String tag = header.substring(open + 1, close);
            if (!ETAG_CHARACTERS.matcher(tag).matches()) {
                throw malformed();
            }
            if (!weak && REVISION.matcher(tag).matches()) {
                revisions.add(Long.parseLong(tag));
            }
            tags++;
            at = skip(header, close + 1, SPACES);
            if (at < header.length() && header.charAt(at) != ',') {
                throw malformed();
            }
        }
        if (tags == 0) {
            throw malformed();
        }
        return new ExpectedRevision(revisions);
    }

    /** The strong entity tag of a revision, as the commands answer it in {@code ETag}. */
    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** Past any of {@code chars}. */
    private static int skip(String header, int from, String chars) {
        int at = from;
        while (at < header.length() && chars.indexOf(header.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private static OrgException malformed() {
        return OrgException.invalid("If-Match must be * or a list of entity tags, such as \"7\"", HEADER,
                "not * or a list of entity tags");
    }
}
