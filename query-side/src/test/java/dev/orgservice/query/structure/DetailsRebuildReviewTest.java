package dev.orgservice.query.structure;

import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of {@code HierarchyProjection.on(UnitDetailsUpdatedEvent)}: the details-change row's {@code changed_at} is
 * {@code least(recorded, clock_timestamp())}, the time the query side happens to project the event when the recording
 * instance's clock was ahead. A rebuild (reset and replay) projects the same event later, so it stores a different
 * {@code changed_at} and answers "details as of an instant" differently than the live projection did.
 * <p>
 * Expected: a rebuild gives the same read model as the live projection (docs/operations.md "Rebuilding a
 * projection": rebuild "when a read model is wrong"; the migration notes: "a rebuild gives the same rows";
 * docs/architecture.md: details as of an instant are "those the first change after it replaced").
 * Observed: with the change recorded 3 s ahead of the query side's clock, the unit read as of an instant just after
 * the live projection shows the new details before the rebuild and the replaced ones after it; the stored
 * {@code changed_at} moves from the live projection time to the recorded time.
 * <p>
 * Fixed (2026-11-29): changed_at is the recorded time, always; a read without asOf takes the current details.
 */
class DetailsRebuildReviewTest extends QuerySideIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private JdbcTemplate projector;

    @Test
    void aRebuildAnswersADetailsChangeAsOfAnInstantAsTheLiveProjectionDid() throws Exception {
        UUID tenantId = newTenant("rebuild").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID center = UUID.randomUUID();
        String tree = "org-tree-" + tenantId;
        append("OrganizationTree", tree, 0, new UnitCreatedEvent(tenantId, center, UnitType.COST_CENTER, "CC1",
                "Controlling", null, Instant.parse("2020-01-01T00:00:00Z"), owner("old-owner")));
        Instant recordedAhead = Instant.now().plusSeconds(3); // the recording instance's clock is ahead
        long position = appendRecordedAt("OrganizationTree", tree, 1,
                new UnitDetailsUpdatedEvent(tenantId, center, null, owner("new-owner")), tenantId, recordedAhead);
        Http.Response live = read(tenantId, center, viewer, position, null);
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.json().at("/details/responsiblePersonId").asText())
                .as("a read at the change's position without asOf shows it, whatever the clocks").isEqualTo("new-owner");
        Instant afterLive = Instant.now().plusMillis(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String liveAnswer = read(tenantId, center, viewer, position, afterLive).json()
                .at("/details/responsiblePersonId").asText();
        Object liveChangedAt = projector.queryForObject(
                "select changed_at::text from read_model.unit_details_change where unit_id = ?", String.class, center);
        // since the fix, changed_at is the recorded time: as of an instant before it, the old details (live and
        // rebuilt alike; the review's first version expected the projection's time here)
        assertThat(liveAnswer).as("live projection, as of %s (changed_at %s)", afterLive, liveChangedAt)
                .isEqualTo("old-owner");

        Thread.sleep(Duration.between(Instant.now(), recordedAhead).toMillis() + 500);
        StreamingEventProcessor processor = processing.eventProcessor("hierarchy-projection",
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Http.Response replayed = read(tenantId, center, viewer, position, afterLive);
        while (replayed.status() != 200 && System.nanoTime() < deadline) {
            replayed = read(tenantId, center, viewer, position, afterLive);
        }
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        Object rebuiltChangedAt = projector.queryForObject(
                "select changed_at::text from read_model.unit_details_change where unit_id = ?", String.class, center);
        assertThat(replayed.json().at("/details/responsiblePersonId").asText())
                .as("after a rebuild, the unit as of %s (the live projection answered %s; changed_at live %s, "
                        + "rebuilt %s, recorded %s)", afterLive, liveAnswer, liveChangedAt, rebuiltChangedAt,
                        recordedAhead)
                .isEqualTo(liveAnswer);
    }

    private Http.Response read(UUID tenantId, UUID unit, String token, long position, Instant asOf) {
        return http.get("/api/v1/tenants/" + tenantId + "/units/" + unit + "?minPosition=" + position
                + (asOf == null ? "" : "&asOf=" + asOf), token);
    }

    private static UnitDetails owner(String person) {
        return new UnitDetails(null, null, null, null, null, null, null, null, person, null, null, null, null, null);
    }
}
