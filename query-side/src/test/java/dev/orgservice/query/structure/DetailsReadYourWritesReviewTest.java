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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of V27 / {@code HierarchyQueries.DETAILS_AT}: a unit's details as of "now" are chosen by comparing the
 * command side's recorded time of each change with the query side's clock, so a client that changed a unit and reads
 * it at the position the command answered ({@code minPosition}, docs/architecture.md "read your writes") gets the
 * details from before its change whenever the instance that recorded the change has a clock ahead of the query
 * side's (several command-side instances on several hosts: docs/architecture.md; NTP keeps hosts only milliseconds
 * apart, which opens a window of that length after every change).
 * <p>
 * Expected: /work/shared/README.md: a query with {@code minPosition} "waits ... until the processors behind it have
 * passed it. That is how a client reads its own writes across the two services"; docs/api.md: a details change
 * "takes effect immediately". Until today the view answered {@code read_model.unit.details}, the current details.
 * Observed: the view at the command's position (no {@code asOf}) shows the replaced responsible person. The test
 * records the change 2 s ahead of the query side's clock to make the window observable; the operations docs make a
 * point of not depending on other instances' clocks for the gap timeout.
 */
class DetailsReadYourWritesReviewTest extends QuerySideIntegrationTest {

    @Test
    void aDetailsChangeIsReadAtTheCommandsPositionWhateverTheRecordingInstancesClock() {
        UUID tenantId = newTenant("ryw").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID center = UUID.randomUUID();
        String tree = "org-tree-" + tenantId;
        append("OrganizationTree", tree, 0, new UnitCreatedEvent(tenantId, center, UnitType.COST_CENTER, "CC1",
                "Controlling", null, Instant.parse("2020-01-01T00:00:00Z"), owner("old-owner")));
        Instant recordedAhead = Instant.now().plusSeconds(2); // the recording instance's clock is ahead
        long position = appendRecordedAt("OrganizationTree", tree, 1,
                new UnitDetailsUpdatedEvent(tenantId, center, null, owner("new-owner")), tenantId, recordedAhead);

        Http.Response answer = http.get("/api/v1/tenants/" + tenantId + "/units/" + center + "?minPosition="
                + position, viewer);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode unit = answer.json();
        assertThat(unit.at("/details/responsiblePersonId").asText())
                .as("the unit read at the position of the change (no asOf), the change recorded at %s, read at %s: %s",
                        recordedAhead, unit.get("asOf"), answer.body())
                .isEqualTo("new-owner");
    }

    private static UnitDetails owner(String person) {
        return new UnitDetails(null, null, null, null, null, null, null, null, person, null, null, null, null, null);
    }
}
