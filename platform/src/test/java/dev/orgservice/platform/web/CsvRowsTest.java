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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a CSV file's lines become: the JSON objects they stand for, or a 400 naming the line. */
class CsvRowsTest {

    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
    };

    private final CsvRows rows = new CsvRows(new MappingJackson2HttpMessageConverter(new ObjectMapper()));

    @Test
    void readsEachLineAsAnObjectWithNestedObjectsForDottedNames() {
        assertThat(read("code,name,address.city,address.country\r\nA,\"Sales, \"\"North\"\"\",Köln,DE\r\nB,Two,,\r\n"))
                .containsExactly(Map.of("code", "A", "name", "Sales, \"North\"",
                                "address", Map.of("city", "Köln", "country", "DE")),
                        Map.of("code", "B", "name", "Two")).as("an empty address is none");
    }

    @Test
    void takesAnEmptyCellAsAbsentAndAQuotedLineBreakAsText() {
        List<Map<String, Object>> read = read("code,name\n\"A\",\"two\nlines\"\n,\nB,\n\n,\n");
        assertThat(read).as("a line of empty cells is a blank row").hasSize(2);
        assertThat(read.get(0)).containsEntry("name", "two\nlines");
        assertThat(read.get(1)).containsEntry("name", null);
    }

    @Test
    void readsACellAnExportGuardedAgainstFormulasAsItsText() {
        assertThat(read("code,name,address.street\nA,'=Sales,'-1 Main St\nB,'Sales,\n"))
                .containsExactly(Map.of("code", "A", "name", "=Sales", "address", Map.of("street", "-1 Main St")),
                        Map.of("code", "B", "name", "'Sales"));
    }

    record Flagged(String code, boolean manager, Boolean vacant) {
    }

    @Test
    void readsTrueOrFalseAsABooleanWhereTheRowHasABooleanField() {
        List<Flagged> read = rows.read("code,manager,vacant\nA,TRUE,false\nB,,\n".getBytes(StandardCharsets.UTF_8),
                null, new TypeReference<>() {
                });
        assertThat(read).containsExactly(new Flagged("A", true, false), new Flagged("B", false, null));
        assertThat(read("code\ntrue\n")).as("text elsewhere").containsExactly(Map.of("code", "true"));
        assertThatThrownBy(() -> rows.read("code,manager\nA,yes\n".getBytes(StandardCharsets.UTF_8), null,
                new TypeReference<List<Flagged>>() {
                })).isInstanceOf(HttpMessageNotReadableException.class);
    }

    @Test
    void findsTheSeparatorInTheHeaderLine() {
        assertThat(read("code;name\nA;B,C\n")).containsExactly(Map.of("code", "A", "name", "B,C"));
        assertThat(read("code\tname\nA\tB;C\n")).containsExactly(Map.of("code", "A", "name", "B;C"));
    }

    @Test
    void skipsAByteOrderMarkAndReadsTheCharsetOfTheContentType() {
        assertThat(rows.read("\uFEFFcode\nÄ\n".getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"),
                OBJECTS)).containsExactly(Map.of("code", "Ä"));
        assertThat(rows.read("code\nÄ\n".getBytes(StandardCharsets.ISO_8859_1),
                MediaType.parseMediaType("text/csv; charset=ISO-8859-1"), OBJECTS)).containsExactly(Map.of("code", "Ä"));
    }

    @Test
    void refusesAMalformedFileNamingTheLine() {
        assertMalformed("code,name\nA,B\nC,D,E\n", "line 3");
        assertMalformed("code,name\nA\n", "line 2");
        assertMalformed("code,name\nA,\"B\n", "a quoted cell is not closed");
        assertMalformed("code,name,code\nA,B,C\n", "line 1: column code named twice");
        assertMalformed("code,name\nA,B\"C\"\"\n", "a quoted cell is not closed");
    }

    @Test
    void handsTheRowsToTheJsonReaderWhoseErrorsNameTheRow() {
        assertThatThrownBy(() -> rows.read("n\nx\n".getBytes(StandardCharsets.UTF_8), null,
                new TypeReference<List<Map<String, Integer>>>() {
                })).isInstanceOf(HttpMessageNotReadableException.class);
        assertThat(read("code\n")).isEmpty();
        assertMalformed("", "");
    }

    private List<Map<String, Object>> read(String csv) {
        return rows.read(csv.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"), OBJECTS);
    }

    private void assertMalformed(String csv, String message) {
        assertThatThrownBy(() -> read(csv)).isInstanceOf(OrgException.class)
                .satisfies(e -> assertThat(String.valueOf(((OrgException) e).properties())).contains(message));
    }
}
