package dev.orgservice.command.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit import from a CSV file ({@code text/csv}) is the JSON import of the rows it stands for: an import sent as
 * CSV and then as JSON under the same {@code Idempotency-Key} is answered the second time as a replay, which the
 * key's check allows only for the same rows. Its errors are the JSON import's, named by row.
 */
class CsvImportApiTest extends CommandSideIntegrationTest {

    private static final String JSON_ROWS = """
            [{"type": "BRANCH", "code": "B-MUC", "name": "München, \\"Nord\\"", "parentCode": "ROOT",
              "address": {"street": "Leopoldstr. 1", "city": "München", "country": "DE"},
              "timezone": "Europe/Berlin", "geo": {"latitude": 48.16, "longitude": 11.58}},
             {"type": "DEPARTMENT", "code": "D-SALES", "name": "Sales", "parentCode": "B-MUC"},
             {"type": "COST_CENTER", "code": "CC-1", "name": "Controlling", "parentCode": "ROOT",
              "responsiblePersonId": "emp-7", "category": "ADMIN", "validTo": "2030-01-01T00:00:00Z"}]""";

    private TreeRequests.Tree tree;

    @BeforeEach
    void aRoot() {
        tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("csv"), 0);
    }

    @Test
    void importsTheRowsACsvFileStandsForAsTheJsonImportDoes() {
        String csv = "\uFEFFtype,code,name,parentCode,address.street,address.city,address.country,timezone,"
                + "geo.latitude,geo.longitude,responsiblePersonId,category,validTo\r\n"
                + "BRANCH,B-MUC,\"München, \"\"Nord\"\"\",ROOT,Leopoldstr. 1,München,DE,Europe/Berlin,48.16,11.58,,,\r\n"
                + "DEPARTMENT,D-SALES,Sales,B-MUC,,,,,,,,,\r\n"
                + "COST_CENTER,CC-1,Controlling,ROOT,,,,,,,emp-7,ADMIN,2030-01-01T00:00:00Z\r\n";
        String key = UUID.randomUUID().toString();
        Http.Response fromCsv = csv(csv, "text/csv", key);
        assertThat(fromCsv.status()).as(fromCsv.body()).isEqualTo(201);
        assertThat(fromCsv.json().get("count").asInt()).isEqualTo(3);
        assertThat(fromCsv.json().at("/units/0/code").asText()).isEqualTo("B-MUC");

        Http.Response fromJson = http.send("POST", tree.units() + "/import", tree.editor(), JSON_ROWS,
                Map.of("Idempotency-Key", key));
        assertThat(fromJson.status()).as(fromJson.body()).isEqualTo(201);
        assertThat(fromJson.header("Idempotent-Replayed")).as("the same rows, so the same import").isEqualTo("true");
        assertThat(fromJson.json().get("units")).isEqualTo(fromCsv.json().get("units"));
    }

    @Test
    void readsSemicolonsOrTabsAndTheCharsetTheContentTypeNames() {
        String key = UUID.randomUUID().toString();
        String semicolons = "type;code;name;parentCode;address.street;address.city;address.country;timezone;"
                + "geo.latitude;geo.longitude;responsiblePersonId;category;validTo\n"
                + "BRANCH;B-MUC;\"München, \"\"Nord\"\"\";ROOT;Leopoldstr. 1;München;DE;Europe/Berlin;48.16;11.58;;;\n"
                + "DEPARTMENT;D-SALES;Sales;B-MUC;;;;;;;;;\n"
                + "COST_CENTER;CC-1;Controlling;ROOT;;;;;;;emp-7;ADMIN;2030-01-01T00:00:00Z\n";
        Http.Response latin1 = http.sendBytes("POST", tree.units() + "/import", tree.editor(),
                semicolons.getBytes(StandardCharsets.ISO_8859_1),
                Map.of("Content-Type", "text/csv; charset=ISO-8859-1", "Idempotency-Key", key));
        assertThat(latin1.status()).as(latin1.body()).isEqualTo(201);
        Http.Response same = http.send("POST", tree.units() + "/import", tree.editor(), JSON_ROWS,
                Map.of("Idempotency-Key", key));
        assertThat(same.header("Idempotent-Replayed")).as("München read as ISO-8859-1").isEqualTo("true");

        Http.Response tabs = csv("type\tcode\tname\tparentCode\nDEPARTMENT\tD-2\tTwo\tROOT\n", "text/csv", null);
        assertThat(tabs.status()).as(tabs.body()).isEqualTo(201);
    }

    @Test
    void refusesWhatTheJsonImportRefusesNamingTheRow() {
        assertField(csv("type,code,name,parentCode,colour\nDEPARTMENT,D-1,One,ROOT,\n"), "[0].colour");
        assertField(csv("type,code,name,parentCode\nDEPARTMENT,D-1,One,ROOT\nSHOP,D-2,Two,ROOT\n"), "[1].type");
        assertField(csv("type,code,name,parentCode\nDEPARTMENT,,One,ROOT\n"), "[0].code");
        assertField(csv("type,code,name,parentId\nDEPARTMENT,D-1,One,not-an-id\n"), "[0].parentId");
        assertField(csv("type,code,name,parentCode,effectiveFrom\nDEPARTMENT,D-1,One,ROOT,2030-01-01\n"),
                "[0].effectiveFrom");
        assertField(csv("type,code,name,parentCode,geo.latitude,geo.longitude,timezone\n"
                + "BRANCH,B-1,One,ROOT,north,11.5,Europe/Berlin\n"), "[0].geo.latitude");
        assertField(csv("type,code,name,parentCode,address.city,address.country\nBRANCH,B-1,One,ROOT,,DE\n"),
                "[0].address.city");

        Http.Response unknownParent = csv("type,code,name,parentCode\nDEPARTMENT,D-1,One,ROOT\n"
                + "DEPARTMENT,D-2,Two,NOWHERE\n");
        assertThat(unknownParent.status()).as(unknownParent.body()).isEqualTo(422);
        assertThat(unknownParent.json().at("/errors/0/row").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAFileThatIsNotWellFormedCsvNamingTheLine() {
        Http.Response tooManyCells = csv("type,code,name,parentCode\nDEPARTMENT,D-1,One,ROOT\n"
                + "DEPARTMENT,D-2,Two,ROOT,extra\n");
        assertField(tooManyCells, "body");
        assertThat(tooManyCells.json().at("/errors/0/message").asText()).startsWith("line 3");
        assertField(csv("type,code,name,parentCode\nDEPARTMENT,D-1,One\n"), "body");
        assertField(csv("type,code,name,parentCode\nDEPARTMENT,D-1,\"One,ROOT\n"), "body");
        assertField(csv("type,code,name,parentCode\n"), "body");
        assertField(csv(""), "body");
        Http.Response unknownCharset = csv("type,code,name,parentCode\nDEPARTMENT,D-1,One,ROOT\n",
                "text/csv; charset=no-such-charset", null);
        assertThat(unknownCharset.status()).isEqualTo(415);
        assertThat(unknownCharset.json().get("type").asText()).endsWith("/unsupported-media-type");
        assertThat(http.send("POST", tree.units() + "/import", tree.editor(), "type,code\n",
                Map.of("Content-Type", "text/plain")).status()).isEqualTo(415);
    }

    @Test
    void namesADepartmentsCentersByCodeInAnImportOnly() {
        Http.Response imported = csv("type,code,name,parentCode,costCenterCode,profitCenterCode,responsiblePersonId\n"
                + "COST_CENTER,CC-1,Controlling,ROOT,,,hr:1\n"
                + "PROFIT_CENTER,PC-1,Retail,ROOT,,,hr:2\n"
                + "DEPARTMENT,D-1,Sales,ROOT,CC-1,PC-1,\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        Http.Response unknown = csv("type,code,name,parentCode,costCenterCode\nDEPARTMENT,D-2,Two,ROOT,CC-9\n");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("costCenterCode");

        assertField(http.post(tree.units() + "/import", tree.editor(), """
                [{"type": "DEPARTMENT", "code": "D-3", "name": "Three", "parentCode": "ROOT",
                  "costCenterCode": "CC-1", "costCenterId": "%s"}]""".formatted(UUID.randomUUID())),
                "[0].costCenterCode");
        assertField(http.post(tree.units(), tree.editor(), """
                {"type": "DEPARTMENT", "code": "D-4", "name": "Four", "parentId": "%s", "costCenterCode": "CC-1"}"""
                .formatted(tree.root())), "costCenterCode");
    }

    @Test
    void importsPositionsFromACsvFileAsTheJsonImportDoes() {
        String positions = "/api/v1/tenants/" + tree.tenantId() + "/positions/import";
        String csv = "ref,unitCode,title,manager,reportsToRef,personId,holderFrom\n"
                + "boss,ROOT,Chief Executive,TRUE,,hr:1,2026-01-01\n"
                + "clerk,ROOT,\"Clerk, Accounts\",false,boss,,\n";
        String key = UUID.randomUUID().toString();
        Http.Response fromCsv = http.send("POST", positions, tree.editor(), csv,
                Map.of("Content-Type", "text/csv", "Idempotency-Key", key));
        assertThat(fromCsv.status()).as(fromCsv.body()).isEqualTo(201);
        assertThat(fromCsv.json().get("count").asInt()).isEqualTo(2);

        Http.Response fromJson = http.send("POST", positions, tree.editor(), """
                [{"ref": "boss", "unitCode": "ROOT", "title": "Chief Executive", "manager": true, "personId": "hr:1",
                  "holderFrom": "2026-01-01T00:00:00Z"},
                 {"ref": "clerk", "unitCode": "ROOT", "title": "Clerk, Accounts", "reportsToRef": "boss"}]""",
                Map.of("Idempotency-Key", key));
        assertThat(fromJson.header("Idempotent-Replayed")).as(fromJson.body()).isEqualTo("true");
        assertThat(fromJson.json().get("positions")).isEqualTo(fromCsv.json().get("positions"));

        Http.Response notABoolean = http.send("POST", positions, tree.editor(),
                "ref,unitCode,title,manager\nx,ROOT,X,yes\n", Map.of("Content-Type", "text/csv"));
        assertField(notABoolean, "[0].manager");
    }

    @Test
    void takesTheJsonImportsRolesAndTenant() {
        String rows = "type,code,name,parentCode\nDEPARTMENT,D-1,One,ROOT\n";
        Map<String, String> csv = Map.of("Content-Type", "text/csv");
        String viewer = TestTokens.forTenant(tree.tenantId(), "viewer", "ORG_VIEWER");
        assertThat(http.send("POST", tree.units() + "/import", viewer, rows, csv).status()).isEqualTo(403);
        TreeRequests.Tree other = new TreeRequests(http).rootWithDepartments(uniqueSlug("csv-other"), 0);
        assertThat(http.send("POST", tree.units() + "/import", other.editor(), rows, csv).status())
                .as("another tenant's editor").isEqualTo(404);
        assertThat(http.send("POST", tree.units() + "/import", null, rows, csv).status()).isEqualTo(401);
    }

    private Http.Response csv(String body) {
        return csv(body, "text/csv", null);
    }

    private Http.Response csv(String body, String contentType, String idempotencyKey) {
        return http.send("POST", tree.units() + "/import", tree.editor(), body, idempotencyKey == null
                ? Map.of("Content-Type", contentType)
                : Map.of("Content-Type", contentType, "Idempotency-Key", idempotencyKey));
    }

    private static void assertField(Http.Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode errors = answer.json().get("errors");
        assertThat(errors).as(answer.body()).isNotNull();
        assertThat(errors.get(0).get("field").asText()).as(answer.body()).isEqualTo(field);
    }
}
