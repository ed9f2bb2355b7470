package dev.orgservice.command.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each imported row's revision over HTTP: what the next change of that unit or position sends in If-Match. */
class ImportRevisionsApiTest extends CommandSideIntegrationTest {

    @Test
    void aUnitImportAnswersEachUnitsRevisionForItsNextChange() {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("import-rev"), 0);
        Http.Response imported = http.post(tree.units() + "/import", tree.editor(),
                "[{\"type\":\"BRANCH\",\"code\":\"B1\",\"name\":\"Branch\",\"parentCode\":\"ROOT\"},"
                        + "{\"type\":\"DEPARTMENT\",\"code\":\"D1\",\"name\":\"Sales\",\"parentCode\":\"B1\"}]");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode d1 = imported.json().get("units").get(1);
        assertThat(d1.get("code").asText()).isEqualTo("D1");
        assertThat(d1.get("revision").asLong()).as("the root is revision 0, the import's one event 1").isEqualTo(1);

        String unit = tree.units() + "/" + d1.get("unitId").asText();
        Http.Response renamed = http.send("PATCH", unit, tree.editor(), "{\"name\":\"Sales DACH\"}",
                Map.of("If-Match", "\"" + d1.get("revision").asLong() + "\""));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Http.Response stale = http.send("PATCH", unit, tree.editor(), "{\"name\":\"Sales EMEA\"}",
                Map.of("If-Match", "\"" + d1.get("revision").asLong() + "\""));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
    }

    @Test
    void aPositionImportAnswersEachPositionsRevisionForItsNextChange() {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("import-rev"), 1);
        String positions = "/api/v1/tenants/" + tree.tenantId() + "/positions";
        Http.Response imported = http.post(positions + "/import", tree.editor(),
                "[{\"ref\":\"boss\",\"unitId\":\"" + tree.departments().get(0)
                        + "\",\"title\":\"Boss\",\"manager\":true}]");
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode boss = imported.json().get("positions").get(0);

        Http.Response retitled = http.send("PATCH", positions + "/" + boss.get("positionId").asText(), tree.editor(),
                "{\"title\":\"Head\"}", Map.of("If-Match", "\"" + boss.get("revision").asLong() + "\""));
        assertThat(retitled.status()).as(retitled.body()).isEqualTo(200);
    }
}
