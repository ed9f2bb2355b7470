package dev.orgservice.query.structure;

import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
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
 * Defect: {@code GET .../units/export?asOf=} reads the structure of another instant than {@code asOf} for early dates.
 * <p>
 * docs/api.md: the export is "the tenant's <b>active</b> units at {@code asOf}", and every instant of a request may be
 * anything from 0001-01-01 to 9999-12-31 ("a time outside the years 0001 to 9999" is the only refusal). Every other
 * read binds {@code asOf} as a UTC {@code OffsetDateTime} (SqlTimes.utc); {@link UnitExport} alone binds
 * {@code java.sql.Timestamp.from(asOf)}, which the JDBC driver writes out through a {@code GregorianCalendar}: before
 * 1582-10-15 that is the Julian calendar, so 0001-01-01 (ISO, proleptic Gregorian, as PostgreSQL and the events
 * keep it) goes to the database as 0001-01-03. The export as of 0001-01-01 then lists a unit created only on
 * 0001-01-02, and leaves out one that is still active until it closes on 0001-01-02, while the unit's own view as of
 * the same {@code asOf} says the opposite.
 */
class ExportAsOfReviewTest extends QuerySideIntegrationTest {

    @Test
    void theExportAsOfAnEarlyDateShowsTheUnitsActiveThen() {
        UUID tenantId = newTenant("exportjulian").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, List.of(
                new UnitCreatedEvent(tenantId, early, UnitType.LEGAL_ENTITY, "EARLY", "Early", null,
                        Instant.parse("0001-01-01T00:00:00Z"), UnitDetails.NONE),
                new UnitClosedEvent(tenantId, early, Instant.parse("0001-01-02T00:00:00Z")),
                new UnitCreatedEvent(tenantId, late, UnitType.LEGAL_ENTITY, "LATE", "Late", null,
                        Instant.parse("0001-01-02T00:00:00Z"), UnitDetails.NONE)));

        Http.Response early1 = http.get("/api/v1/tenants/" + tenantId + "/units/" + early + "?asOf=0001-01-01&minPosition="
                + position, viewer);
        assertThat(early1.status()).as(early1.body()).isEqualTo(200);
        assertThat(early1.json().get("status").asText()).as("the unit's own view: EARLY is active on 0001-01-01")
                .isEqualTo("ACTIVE");
        assertThat(http.get("/api/v1/tenants/" + tenantId + "/units/" + late + "?asOf=0001-01-01&minPosition="
                + position, viewer).status()).as("the unit's own view: LATE does not exist yet").isEqualTo(404);

        Http.Response export = http.get("/api/v1/tenants/" + tenantId + "/units/export?asOf=0001-01-01&minPosition="
                + position, viewer);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.body())
                .as("the export as of 0001-01-01 lists the units active then: EARLY (closed only from 0001-01-02), "
                        + "not LATE (created 0001-01-02)")
                .contains("EARLY")
                .doesNotContain("LATE");
    }
}
