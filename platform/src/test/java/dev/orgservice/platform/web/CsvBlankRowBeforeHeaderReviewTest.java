package dev.orgservice.platform.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of {@link CsvRows}: a spreadsheet's blank row above the header makes the file unreadable.
 * <p>
 * Defect: the separator is taken from "the first line that is not blank" ({@code separatorOf}, {@code headerLine}), but
 * the parser takes the first line it does not skip as the header, and it skips only empty lines: a blank spreadsheet
 * row ({@code ,,} or {@code ;;}, or a line of tabs in a tab-separated file) becomes a header of empty column names,
 * refused ("The request body is not well-formed CSV", 400).
 * <p>
 * Expected (docs/api.md, "From a spreadsheet: CSV"): "empty lines and lines of empty cells (a spreadsheet's blank
 * rows, {@code ,,,,}) skipped", and "The separator is read from the header, the first line that is not blank". A blank
 * row above the header is what a spreadsheet saves when the table starts in its second row. Observed: {@code 400}.
 */
class CsvBlankRowBeforeHeaderReviewTest {

    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
    };

    private final CsvRows rows = new CsvRows(new MappingJackson2HttpMessageConverter(new ObjectMapper()));

    @Test
    void aBlankSpreadsheetRowAboveTheHeaderIsSkippedAsBlankRowsAreElsewhere() {
        for (String file : List.of(",,\r\ncode,name,city\r\nA,Acme,Wien\r\n", ";;\r\ncode;name;city\r\nA;Acme;Wien\r\n",
                "\t\t\r\ncode\tname\tcity\r\nA\tAcme\tWien\r\n")) {
            List<Map<String, Object>> read;
            try {
                read = rows.read(file.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"), OBJECTS);
            } catch (RuntimeException e) {
                throw new AssertionError("a file whose first line is a blank spreadsheet row ("
                        + file.replace("\t", "\\t").replace("\r\n", "\\r\\n") + ") was refused: " + e
                        + (e.getCause() == null ? "" : " / " + e.getCause()), e);
            }
            assertThat(read).as(file).containsExactly(Map.of("code", "A", "name", "Acme", "city", "Wien"));
        }
    }
}
