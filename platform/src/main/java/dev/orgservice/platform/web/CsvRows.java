package dev.orgservice.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.orgservice.platform.problem.OrgException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A CSV upload read as the JSON array of objects it stands for, and then as the JSON body would be (the API's strict
 * mapper: unknown fields, types and text refused alike, errors named by row, {@code [3].code}). The first line names
 * the fields; a dotted name is a field of a nested object ({@code address.city}); an empty cell is an absent field,
 * and a nested object whose cells are all empty is absent. Empty lines, and lines of empty cells (what a
 * spreadsheet writes for blank rows), are skipped. Cells are separated by commas, or by semicolons or tabs
 * when the first line has those (what spreadsheets in many locales write); quoting as RFC 4180. The text is UTF-8
 * unless the {@code Content-Type} names another charset; a byte order mark is skipped. A cell that an export guarded
 * against being read as a formula ({@link SpreadsheetCells}) is read without the guard.
 */
@Component
public class CsvRows {

    public static final String MEDIA_TYPE = "text/csv";

    private final ObjectMapper json;
    private final CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
            .enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    public CsvRows(MappingJackson2HttpMessageConverter apiJson) {
        this.json = apiJson.getObjectMapper();
    }

    /** The rows of {@code body}, read as {@code type}; a malformed file is a {@code 400} naming the line. */
    public <T> List<T> read(byte[] body, MediaType contentType, TypeReference<List<T>> type) {
        String text = decoded(body == null ? new byte[0] : body, charsetOf(contentType));
        ArrayNode rows = objectsOf(withoutBlankRowsAboveHeader(text.startsWith("\uFEFF") ? text.substring(1) : text),
                booleansOf(type));
        try {
            return json.readerFor(type).readValue(json.treeAsTokens(rows));
        } catch (IOException e) {
            // as the JSON body's errors: ProblemAdvice names the row and field
            throw new HttpMessageNotReadableException("The CSV rows are invalid", e, null);
        }
    }

    /** Each line after the header as the object it stands for. */
    private ArrayNode objectsOf(String text, Set<String> flags) {
        int unclosedQuote = lineOfUnclosedQuote(text);
        if (unclosedQuote > 0) { // the parser would end the cell at the end of the file
            throw invalid("body", "line " + unclosedQuote + ": a quoted cell is not closed");
        }
        ArrayNode rows = json.createArrayNode();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separatorOf(text));
        try (MappingIterator<Map<String, String>> lines = csv.readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            int columns = -1;
            while (lines.hasNextValue()) {
                int lineNumber = lines.getCurrentLocation().getLineNr();
                Map<String, String> line = lines.nextValue();
                columns = columns < 0 ? columnsOf((CsvSchema) lines.getParserSchema(), headerLine(text)) : columns;
                if (line.size() != columns) { // a short line is not refused by the parser in every case
                    throw invalid("body", "line " + lineNumber + ": " + line.size() + " cells where the header names "
                            + columns);
                }
                if (line.values().stream().anyMatch(cell -> cell != null && !cell.isEmpty())) {
                    rows.add(row(line, flags)); // a line of empty cells is a spreadsheet's blank row: skipped
                }
            }
        } catch (OrgException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        }
        return rows;
    }

    /**
     * The row's boolean fields: a cell there that says {@code true} or {@code false} (also {@code TRUE}, as
     * spreadsheets write it) is a JSON boolean, which the strict reader wants (it refuses the text {@code "true"}).
     */
    private <T> Set<String> booleansOf(TypeReference<List<T>> type) {
        JavaType row = json.getTypeFactory().constructType(type).getContentType();
        return json.getDeserializationConfig().introspect(row).findProperties().stream()
                .filter(property -> property.getRawPrimaryType() == boolean.class
                        || property.getRawPrimaryType() == Boolean.class)
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toSet());
    }

    /** How many columns the header names, each once (a field given twice is refused in JSON too). */
    private static int columnsOf(CsvSchema header, int line) {
        Set<String> names = new HashSet<>();
        header.forEach(column -> {
            if (!names.add(column.getName())) {
                throw invalid("body", "line " + line + ": column " + column.getName() + " named twice");
            }
        });
        // "address" and "address.city" would be one field given twice, one of whose cells would be dropped
        for (String name : names) {
            for (String other : names) {
                if (other.startsWith(name + ".")) {
                    throw invalid("body", "line " + line + ": columns " + name + " and " + other + " name the same field");
                }
            }
        }
        return header.size();
    }

    /**
     * One line as an object: every column a field (empty: {@code null}, as absent), but a nested object only when one
     * of its cells has a value (an empty address is no address, not one without a city).
     */
    private ObjectNode row(Map<String, String> cells, Set<String> flags) {
        ObjectNode row = json.createObjectNode();
        cells.forEach((column, cell) -> {
            String value = cell == null || cell.isEmpty() ? null : SpreadsheetCells.unguard(cell);
            String[] path = column.split("\\.", -1);
            if (path.length == 1 && flags.contains(column) && ("true".equalsIgnoreCase(value)
                    || "false".equalsIgnoreCase(value))) {
                row.put(column, Boolean.parseBoolean(value));
                return;
            }
            if (path.length == 1) {
                row.put(column, value);
                return;
            }
            if (value == null) {
                return;
            }
            ObjectNode parent = row;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(path[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(path[i]);
            }
            parent.put(path[path.length - 1], value);
        });
        return row;
    }

    /**
     * The text with the lines above the header emptied that are blank or a spreadsheet's blank rows ({@code ,,,}),
     * which the parser would take for the header; emptied, not removed, so that every line keeps its number.
     */
    private static String withoutBlankRowsAboveHeader(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            if (!isBlankRow(text.substring(start, end < 0 ? text.length() : end))) {
                return kept.append(text, start, text.length()).toString();
            }
            kept.append(end < 0 ? "" : "\n");
            start = next;
        }
        return kept.toString();
    }

    private static boolean isBlankRow(String line) {
        return line.chars().allMatch(c -> Character.isWhitespace(c) || c == ',' || c == ';');
    }

    /** The header's line: the first that is not blank (blank lines are skipped before it, too). */
    private static int headerLine(String text) {
        return 1 + (int) text.lines().takeWhile(CsvRows::isBlankRow).count();
    }

    /** From the header: the first line that is not blank. */
    private static char separatorOf(String text) {
        String header = text.lines().filter(line -> !isBlankRow(line)).findFirst().orElse("");
        return header.indexOf(';') >= 0 ? ';' : header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    /**
     * The text of {@code body}; a byte that is not {@code charset} is a {@code 400} naming its line, where
     * {@code new String} would put U+FFFD in its place, to be recorded for good (the JSON import refuses such a body).
     */
    private static String decoded(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) (body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            long line = 1 + IntStream.range(0, in.position()).filter(i -> body[i] == '\n').count();
            throw invalid("body", "line " + line + ": not " + charset.name() + " text; name the file's charset in the "
                    + "Content-Type (text/csv; charset=windows-1252, for instance)");
        }
        return out.flip().toString();
    }

    /** The line where a quoted cell opens that no quote closes; 0 when every one is closed. */
    private static int lineOfUnclosedQuote(String text) {
        int line = 1;
        int openedAt = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                openedAt = openedAt == 0 ? line : 0; // a doubled quote inside a cell closes and opens again
            } else if (c == '\n') {
                line++;
            }
        }
        return openedAt;
    }

    /** UTF-8 unless said otherwise (an unknown charset is refused by Spring MVC before: 415). */
    private static Charset charsetOf(MediaType contentType) {
        return contentType == null || contentType.getCharset() == null ? StandardCharsets.UTF_8
                : contentType.getCharset();
    }

    private static OrgException malformed(Exception e) {
        String message = e instanceof JsonProcessingException parse && parse.getLocation() != null
                ? "line " + parse.getLocation().getLineNr() + ": " + parse.getOriginalMessage()
                : String.valueOf(e.getMessage()).lines().findFirst().orElse("malformed");
        return invalid("body", message);
    }

    private static OrgException invalid(String field, String message) {
        return OrgException.invalid("The request body is not well-formed CSV", field, message);
    }
}
