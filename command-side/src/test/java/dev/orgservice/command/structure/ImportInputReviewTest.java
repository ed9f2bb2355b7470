package dev.orgservice.command.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of the bulk imports' input handling over HTTP (review branch review-imports).
 *
 * <ul>
 * <li><b>A CSV file that is not UTF-8 is imported with replacement characters.</b> docs/api.md ("From a
 * spreadsheet: CSV"): "The text is UTF-8 ... unless the Content-Type names another charset" and "The rows are then
 * exactly the JSON import's". The JSON import refuses bytes that are not UTF-8 with {@code 400}; the CSV import
 * decodes them with U+FFFD in their place and records the units (201). A windows-1252 export (Excel's "CSV" on
 * Windows) sent as {@code text/csv} therefore stores "M\uFFFDnchen" in immutable events. Expected: {@code 400}
 * ({@code field: body}), nothing recorded.</li>
 * <li><b>The position import does not report every row's field errors at once.</b> The issue: "every error reported
 * with its row"; docs/api.md (position import): "Field errors, a duplicate {@code ref} and a bad
 * {@code reportsToRef} are {@code 400}, named by row". The controller answers the bean-validation errors first and
 * only then looks for a duplicate {@code ref}, a missing unit, a bad {@code reportsToRef} or a {@code holderFrom}
 * without a person, so a file with one blank title and one duplicate ref needs two round trips (the unit import
 * reports all its field errors in one {@code 400}).</li>
 * </ul>
 */
class ImportInputReviewTest extends CommandSideIntegrationTest {

    private TreeRequests.Tree tree;

    @BeforeEach
    void aRoot() {
        tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("imp-review"), 0);
    }

    @Test
    void aCsvFileThatIsNotUtf8IsRefusedAsTheJsonImportRefusesIt() throws Exception {
        byte[] json = "[{\"type\":\"DEPARTMENT\",\"code\":\"D-MUC\",\"name\":\"M\u00fcnchen\",\"parentCode\":\"ROOT\"}]"
                .getBytes(StandardCharsets.ISO_8859_1);
        Http.Response fromJson = http.sendBytes("POST", tree.units() + "/import", tree.editor(), json,
                Map.of("Content-Type", "application/json"));
        assertThat(fromJson.status()).as("the JSON import refuses bytes that are not UTF-8: " + fromJson.body())
                .isEqualTo(400);

        long before = TreeRequests.treeEvents(tree.tenantId());
        byte[] csv = "type,code,name,parentCode\nDEPARTMENT,D-MUC,M\u00fcnchen,ROOT\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Http.Response fromCsv = http.sendBytes("POST", tree.units() + "/import", tree.editor(), csv,
                Map.of("Content-Type", "text/csv"));
        assertThat(fromCsv.status())
                .as("a text/csv body (no charset, so UTF-8) holding the windows-1252 byte 0xFC must be refused as "
                        + "the same bytes in JSON are, not imported with U+FFFD; answer: " + fromCsv.body())
                .isEqualTo(400);
        assertThat(TreeRequests.treeEvents(tree.tenantId())).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void aPositionImportReportsEveryRowsFieldErrorsInOneAnswer() {
        String imports = "/api/v1/tenants/" + tree.tenantId() + "/positions/import";
        Http.Response answer = http.post(imports, tree.editor(), """
                [{"ref": "a", "unitCode": "ROOT", "title": ""},
                 {"ref": "a", "unitCode": "ROOT", "title": "Second"},
                 {"ref": "c", "title": "No unit"},
                 {"ref": "d", "unitCode": "ROOT", "title": "Bad line", "reportsToRef": "nobody"}]""");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : answer.json().get("errors")) {
            fields.add(error.get("field").asText());
        }
        assertThat(fields).as("every row's field error in one 400 (the issue: \"every error reported with its row\"); "
                        + "answer: " + answer.body())
                .contains("[0].title", "[1].ref", "[2].unitId", "[3].reportsToRef");
    }
}
