package dev.orgservice.platform.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.platform.problem.OrgException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Review of {@link CsvRows} (bulk imports from CSV, review branch review-imports). Each test states what
 * docs/api.md ("From a spreadsheet: CSV") promises and fails while the defect is there.
 *
 * <ul>
 * <li><b>Bytes that are not UTF-8 are silently replaced.</b> docs/api.md: "The text is UTF-8 (a byte order mark is
 * skipped) unless the Content-Type names another charset" and "The rows are then exactly the JSON import's". The
 * JSON import refuses a body that is not UTF-8 ({@code 400}); {@code CsvRows} decodes with
 * {@code new String(bytes, charset)}, which turns every malformed byte into U+FFFD, so a windows-1252 spreadsheet
 * export sent as plain {@code text/csv} (the most common mistake: Excel's default "CSV" on Windows) is imported with
 * "M\uFFFDnchen" in names and addresses, recorded for ever in immutable events. Expected: {@code 400} on
 * {@code body} naming the line (or at least refusing the file).</li>
 * <li><b>An unclosed quote does not name its line.</b> docs/api.md: "A file that is not well-formed CSV is 400
 * with field: body and the line: ..., a quoted cell that is not closed." The message is only "a quoted cell is not
 * closed": in a 20,000-line file the client cannot find it.</li>
 * <li><b>A column and a dotted column of the same field.</b> Header {@code address,address.city}: the object of the
 * dotted column replaces the text of the other, so a cell of the file is dropped silently (the JSON equivalent, a field
 * given twice, is a {@code 400}; so is a column named twice). Expected: {@code 400} naming line 1.</li>
 * <li><b>A leading empty line hides the separator.</b> Empty lines are skipped, but the separator is taken from the
 * raw first line; a semicolon file that starts with an empty line is read with commas.</li>
 * </ul>
 */
class CsvRowsReviewTest {

    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
    };

    private final CsvRows rows = new CsvRows(new MappingJackson2HttpMessageConverter(new ObjectMapper()));

    @Test
    void aFileThatIsNotUtf8IsRefusedRatherThanReadWithReplacementCharacters() {
        byte[] windows1252 = "code,name\nA,M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1);
        List<Map<String, Object>> read;
        try {
            read = rows.read(windows1252, MediaType.parseMediaType("text/csv"), OBJECTS);
        } catch (OrgException | HttpMessageNotReadableException refused) {
            return; // expected: the body is not UTF-8, as the JSON import refuses it
        }
        fail("a text/csv body (no charset: UTF-8) with the windows-1252 byte 0xFC was accepted and read as " + read
                + " (name contains U+FFFD: " + String.valueOf(read.get(0).get("name")).contains("\uFFFD")
                + "); the JSON import refuses the same bytes with 400");
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertMalformed("code,name\nA,B\nC,\"D\nE,F\n", "line 3");
    }

    @Test
    void aLeadingEmptyLineDoesNotHideTheSemicolonSeparator() {
        assertReadsAB("\ncode;name\nA;B\n");
    }

    @Test
    void aColumnAndADottedColumnOfTheSameFieldAreRefusedAsAFieldGivenTwice() {
        List<Map<String, Object>> read;
        try {
            read = rows.read("code,address,address.city\nA,Main Street 1,Wien\n".getBytes(StandardCharsets.UTF_8),
                    MediaType.parseMediaType("text/csv"), OBJECTS);
        } catch (OrgException | HttpMessageNotReadableException refused) {
            return; // expected: as the JSON body {"address": "...", "address": {"city": "Wien"}} is refused
        }
        fail("columns address and address.city were both taken and the address cell was dropped without a word: "
                + read);
    }

    private void assertReadsAB(String csv) {
        List<Map<String, Object>> read;
        try {
            read = rows.read(csv.getBytes(StandardCharsets.UTF_8),
                    MediaType.parseMediaType("text/csv"), OBJECTS);
        } catch (RuntimeException e) {
            fail("a file starting with an empty line (empty lines are skipped) was refused: " + e
                    + (e instanceof OrgException org ? " " + org.properties() : ""));
            return;
        }
        assertThat(read).as("empty lines are skipped, so the header is the first non-empty line")
                .containsExactly(Map.of("code", "A", "name", "B"));
    }

    private void assertMalformed(String csv, String expectedStart) {
        try {
            List<Map<String, Object>> read = rows.read(csv.getBytes(StandardCharsets.UTF_8),
                    MediaType.parseMediaType("text/csv"), OBJECTS);
            fail("accepted as " + read + ": " + csv);
        } catch (OrgException e) {
            String message = String.valueOf(e.properties());
            assertThat(message).as("the 400 for %s should name the line of the file", csv.replace("\n", "\\n"))
                    .contains("message=" + expectedStart);
        }
    }
}
