package dev.orgservice.query.structure;

import dev.orgservice.api.structure.Address;
import dev.orgservice.api.structure.GeoPoint;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET .../units/export}: a tenant's active units as the CSV file a unit import takes, every unit after its
 * parent and the centers it is assigned, the lowest code first among those that may come next.
 */
class UnitExportTest extends QuerySideIntegrationTest {

    private static final String HEADER = "type,code,name,parentCode,legalName,registrationNumber,taxId,country,"
            + "currency,address.street,address.city,address.postalCode,address.region,address.country,timezone,"
            + "geo.latitude,geo.longitude,responsiblePersonId,category,segment,validTo,costCenterCode,profitCenterCode";

    private UUID tenantId;
    private String viewer;
    private long position;

    @BeforeEach
    void aTenantWithEveryKindOfUnit() {
        tenantId = newTenant("export").value();
        viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        Instant from = Instant.now().minusSeconds(60);
        UUID acme = UUID.randomUUID();
        UUID branch = UUID.randomUUID();
        UUID costCenter = UUID.randomUUID();
        UUID profitCenter = UUID.randomUUID();
        UUID circleDepartment = UUID.randomUUID();
        UUID circleCenter = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        UUID closedCenter = UUID.randomUUID();
        UUID serviceDepartment = UUID.randomUUID();
        List<Object> events = new ArrayList<>(List.of(
                new UnitCreatedEvent(tenantId, acme, UnitType.LEGAL_ENTITY, "ACME", "Acme, \"Holding\"", null, from,
                        new UnitDetails("=HYPERLINK(\"http://evil\")", "HRB 1", "DE123", "DE", "EUR",
                                new Address("Unter den Linden 1", "Berlin", "10117", null, "DE"), null, null, null,
                                null, null, null, null, null)),
                new UnitCreatedEvent(tenantId, branch, UnitType.BRANCH, "B-MUC", "München", acme, from,
                        new UnitDetails(null, null, null, null, null, new Address(null, "München", null, "Bayern", "DE"),
                                "Europe/Berlin", new GeoPoint(48.16, -11.58), null, null, null, null, null, null)),
                // sorts last, but comes before the department assigned to it
                new UnitCreatedEvent(tenantId, costCenter, UnitType.COST_CENTER, "Z-CC", "Controlling", acme, from,
                        new UnitDetails(null, null, null, null, null, null, null, null, "emp-7", "ADMIN", null,
                                Instant.parse("2030-01-01T00:00:00Z"), null, null)),
                new UnitCreatedEvent(tenantId, profitCenter, UnitType.PROFIT_CENTER, "PC-1", "-Retail", acme, from,
                        new UnitDetails(null, null, null, null, null, null, null, null, "emp-8", null, "RETAIL", null,
                                null, null)),
                new UnitCreatedEvent(tenantId, closedCenter, UnitType.COST_CENTER, "CC-OLD", "Old", acme, from,
                        UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, UUID.randomUUID(), UnitType.DEPARTMENT, "A-DEP", "Sales", branch, from,
                        new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null,
                                costCenter, profitCenter)),
                new UnitCreatedEvent(tenantId, serviceDepartment, UnitType.DEPARTMENT, "B-DEP", "Service", acme, from,
                        new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null,
                                closedCenter, null)),
                // a center under the department it is assigned to
                new UnitCreatedEvent(tenantId, circleDepartment, UnitType.DEPARTMENT, "D-CIRC", "Circle", acme, from,
                        new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null,
                                circleCenter, null)),
                new UnitCreatedEvent(tenantId, circleCenter, UnitType.COST_CENTER, "C-CIRC", "Circle center",
                        circleDepartment, from, UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, closed, UnitType.DEPARTMENT, "CLOSED", "Closed", acme, from,
                        UnitDetails.NONE),
                new UnitClosedEvent(tenantId, closed, from.plusSeconds(1)),
                // a responsible person a PATCH gave a department before PATCHes checked the type: not exported
                new UnitDetailsUpdatedEvent(tenantId, serviceDepartment, null, new UnitDetails(null, null, null, null,
                        null, null, null, null, "legacy", null, null, null, null, null)),
                new UnitClosedEvent(tenantId, closedCenter, from.plusSeconds(1)),
                new UnitCreatedEvent(tenantId, UUID.randomUUID(), UnitType.DEPARTMENT, "LATER", "Planned", acme,
                        Instant.parse("2099-01-01T00:00:00Z"), UnitDetails.NONE)));
        position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);
    }

    @Test
    void writesTheActiveUnitsAsAnImportFileParentsAndCentersFirst() {
        Http.Response export = export(viewer, Map.of());
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(export.header("Content-Disposition")).isEqualTo("attachment; filename=\"units-" + tenantId + ".csv\"");
        assertThat(export.body()).startsWith("\uFEFF");
        // Jackson quotes a cell with a space or a quote; the circle (D-CIRC assigned C-CIRC, which sits under it) is
        // broken only when nothing else may come next, by the unit whose parent is out; B-DEP's center is closed
        assertThat(export.body().substring(1).split("\r\n", -1)).containsExactly(
                HEADER,
                "LEGAL_ENTITY,ACME,\"Acme, \"\"Holding\"\"\",,\"'=HYPERLINK(\"\"http://evil\"\")\",\"HRB 1\",DE123,DE,EUR,"
                        + "\"Unter den Linden 1\",Berlin,10117,,DE,,,,,,,,,",
                "DEPARTMENT,B-DEP,Service,ACME,,,,,,,,,,,,,,,,,,,",
                "BRANCH,B-MUC,München,ACME,,,,,,,München,,Bayern,DE,Europe/Berlin,48.16,-11.58,,,,,,",
                "PROFIT_CENTER,PC-1,\"'-Retail\",ACME,,,,,,,,,,,,,,emp-8,,RETAIL,,,",
                "COST_CENTER,Z-CC,Controlling,ACME,,,,,,,,,,,,,,emp-7,ADMIN,,2030-01-01T00:00:00Z,,",
                "DEPARTMENT,A-DEP,Sales,B-MUC,,,,,,,,,,,,,,,,,,Z-CC,PC-1",
                "DEPARTMENT,D-CIRC,Circle,ACME,,,,,,,,,,,,,,,,,,C-CIRC,",
                "COST_CENTER,C-CIRC,\"Circle center\",D-CIRC,,,,,,,,,,,,,,,,,,,",
                "");
    }

    @Test
    void answersForItsTenantAloneAndAsOfADate() {
        String otherViewer = TestTokens.forTenant(newTenant("other").value(), "viewer", "ORG_VIEWER");
        Http.Response foreign = export(otherViewer, Map.of("Accept", "text/csv"));
        assertThat(foreign.status()).as("another tenant's path: " + foreign.body()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");

        Http.Response before = http.send("GET", "/api/v1/tenants/" + tenantId + "/units/export?asOf=2000-01-01&minPosition="
                + position, viewer, null, Map.of());
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.body()).isEqualTo("\uFEFF" + HEADER + "\r\n");
        Http.Response later = http.send("GET", "/api/v1/tenants/" + tenantId + "/units/export?asOf=2099-06-01&minPosition="
                + position, viewer, null, Map.of());
        assertThat(later.body()).contains("\r\nDEPARTMENT,LATER,Planned,ACME,");
    }

    private Http.Response export(String token, Map<String, String> headers) {
        return http.send("GET", "/api/v1/tenants/" + tenantId + "/units/export?minPosition=" + position, token, null,
                headers);
    }
}
