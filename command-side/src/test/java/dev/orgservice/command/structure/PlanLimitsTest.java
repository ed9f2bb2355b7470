package dev.orgservice.command.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan's limits through the real system (registry, guard, tree) rather than a stub guard: FREE allows 50 units,
 * closed ones counted, and 100 positions not closed by now; a downgrade below usage refuses only further creations.
 */
class PlanLimitsTest extends CommandSideIntegrationTest {

    private static final String PLATFORM = TestTokens.platformAdmin();

    @Test
    void aFreeTenantsClosedUnitsCountTowardMaxUnitsForCreatesAndImports() throws SQLException {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("free-units"), "FREE", 48);
        assertThat(http.post(tree.units() + "/" + tree.departments().get(47) + "/close", tree.editor(), "{}").status())
                .isEqualTo(200);
        enableBulkImport(tree.tenantId());
        long before = TreeRequests.treeEvents(tree.tenantId());

        Http.Response importOverByOne = http.post(tree.units() + "/import", tree.editor(), "["
                + TreeRequests.department("I1", tree.root()) + "," + TreeRequests.department("I2", tree.root()) + "]");
        assertOverUnitLimit(importOverByOne, "FREE", 50, 49);
        assertThat(importOverByOne.json().has("errors")).isFalse();
        assertThat(TreeRequests.treeEvents(tree.tenantId())).as("events of the tenant's tree").isEqualTo(before);

        requests().create(tree.units(), tree.editor(), TreeRequests.department("LAST", tree.root()));
        assertOverUnitLimit(http.post(tree.units(), tree.editor(), TreeRequests.department("OVER", tree.root())),
                "FREE", 50, 50);
    }

    @Test
    void aFreeTenantsMaxPositionsCountsOnlyPositionsNotClosedByNow() throws SQLException {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("free-pos"), "FREE", 1);
        enableBulkImport(tree.tenantId());
        String positions = "/api/v1/tenants/" + tree.tenantId() + "/positions";
        String unitId = tree.departments().get(0);
        Http.Response imported = http.post(positions + "/import", tree.editor(), positionRows(unitId, 100));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long before = TreeRequests.treeEvents(tree.tenantId());

        assertOverPositionLimit(http.post(positions, tree.editor(), position(unitId)));
        assertOverPositionLimit(http.post(positions + "/import", tree.editor(), positionRows(unitId, 1)));
        assertThat(TreeRequests.treeEvents(tree.tenantId())).as("events of the tenant's tree").isEqualTo(before);

        String closing = imported.json().get("positions").get(0).get("positionId").asText();
        assertThat(http.post(positions + "/" + closing + "/close", tree.editor(), "{}").status()).isEqualTo(200);
        assertThat(http.post(positions, tree.editor(), position(unitId)).status()).isEqualTo(201);
        assertOverPositionLimit(http.post(positions, tree.editor(), position(unitId)));
    }

    @Test
    void aDowngradeBelowUsageRefusesFurtherUnitsButStillChangesExistingOnes() {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("downgrade"), 0);
        String rows = IntStream.rangeClosed(1, 59).mapToObj(i -> TreeRequests.department("D" + i, tree.root()))
                .collect(Collectors.joining(",", "[", "]"));
        Http.Response imported = http.post(tree.units() + "/import", tree.editor(), rows);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        Http.Response downgraded = http.put("/api/v1/tenants/" + tree.tenantId() + "/subscription", PLATFORM,
                "{\"plan\":\"FREE\",\"status\":\"ACTIVE\"}");
        assertThat(downgraded.status()).as(downgraded.body()).isEqualTo(200);

        assertOverUnitLimit(http.post(tree.units(), tree.editor(), TreeRequests.department("D60", tree.root())),
                "FREE", 50, 60);
        String existing = imported.json().get("units").get(0).get("unitId").asText();
        Http.Response renamed = http.patch(tree.units() + "/" + existing, tree.editor(), "{\"name\":\"Renamed\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    }

    private void enableBulkImport(UUID tenantId) {
        Http.Response enabled = http.put("/api/v1/tenants/" + tenantId + "/features/bulk-import", PLATFORM,
                "{\"enabled\":true}");
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
    }

    private static String position(String unitId) {
        return "{\"unitId\":\"" + unitId + "\",\"title\":\"Clerk\"}";
    }

    private static String positionRows(String unitId, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "{\"ref\":\"p" + i + "\",\"unitId\":\"" + unitId + "\",\"title\":\"Clerk " + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static void assertOverUnitLimit(Http.Response response, String plan, int maxUnits, int units) {
        JsonNode problem = assertRuleViolation(response);
        assertThat(problem.get("plan").asText()).isEqualTo(plan);
        assertThat(problem.get("maxUnits").asInt()).isEqualTo(maxUnits);
        assertThat(problem.get("units").asInt()).isEqualTo(units);
    }

    private static void assertOverPositionLimit(Http.Response response) {
        JsonNode problem = assertRuleViolation(response);
        assertThat(problem.get("plan").asText()).isEqualTo("FREE");
        assertThat(problem.get("maxPositions").asInt()).isEqualTo(100);
    }

    private static JsonNode assertRuleViolation(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("/rule-violation");
        return response.json();
    }

    private TreeRequests requests() {
        return new TreeRequests(http);
    }
}
