package dev.orgservice.query.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's details change at once (not effective-dated): asked as of an instant before a change was recorded, a unit
 * shows the details it had then, in its view and in the export; its name is the current one (documented).
 */
class UnitDetailsAsOfTest extends QuerySideIntegrationTest {

    @Test
    void aUnitAsOfAnEarlierInstantHasTheDetailsOfThen() {
        UUID tenantId = newTenant("details").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID center = UUID.randomUUID();
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, List.of(
                new UnitCreatedEvent(tenantId, center, UnitType.COST_CENTER, "CC1", "Controlling", null, from,
                        owner("first", "ADMIN")),
                new UnitDetailsUpdatedEvent(tenantId, center, null, owner("second", null)),
                new UnitDetailsUpdatedEvent(tenantId, center, "Controlling & Tax", owner("third", null))));

        JsonNode then = unit(tenantId, center, "2021-01-01", position, viewer);
        assertThat(then.at("/details/responsiblePersonId").asText()).isEqualTo("first");
        assertThat(then.at("/details/category").asText()).isEqualTo("ADMIN");
        assertThat(then.get("name").asText()).as("the name is the current one").isEqualTo("Controlling & Tax");
        JsonNode now = unit(tenantId, center, null, position, viewer);
        assertThat(now.at("/details/responsiblePersonId").asText()).isEqualTo("third");
        assertThat(now.at("/details/category").asText()).as("an absent field keeps its value").isEqualTo("ADMIN");

        Http.Response export = http.get("/api/v1/tenants/" + tenantId + "/units/export?asOf=2021-01-01&minPosition="
                + position, viewer);
        assertThat(export.body()).contains(",first,ADMIN,");
    }

    private JsonNode unit(UUID tenantId, UUID unitId, String asOf, long position, String viewer) {
        Http.Response answer = http.get("/api/v1/tenants/" + tenantId + "/units/" + unitId + "?minPosition=" + position
                + (asOf == null ? "" : "&asOf=" + asOf), viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static UnitDetails owner(String person, String category) {
        return new UnitDetails(null, null, null, null, null, null, null, null, person, category, null, null, null, null);
    }
}
