package dev.orgservice.query.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.structure.UnitReopenedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import dev.orgservice.query.tenant.TenantTestEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hierarchy projection writes the new units of a batch together ({@code NewUnits}); events later in the same
 * batch that change those units must still find them. The subtree, children and ancestors take each unit's summary
 * from its parent rows, copies the projection keeps through moves, renames and status changes. A unit's revision is
 * the sequence number of the last event that changed it.
 */
class HierarchyProjectionTest extends QuerySideIntegrationTest {

    @Test
    void unitsCreatedMovedAndRenamedInOneBatchEndUpAsTheEventsSay() {
        TenantId tenant = TenantId.random();
        UUID tenantId = tenant.value();
        long tenantPosition = append("Tenant", tenant.toString(), 0,
                TenantTestEvents.created(tenant, "h-" + tenantId.toString().substring(0, 8)));
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        assertThat(http.get("/api/v1/tenants/" + tenantId + "?minPosition=" + tenantPosition, viewer).status())
                .isEqualTo(200);

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID department = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(120);
        Instant moved = Instant.now().minusSeconds(60);
        List<Object> events = new ArrayList<>(List.of(
                legalEntity(tenantId, first, "A", created),
                legalEntity(tenantId, second, "B", created),
                new UnitCreatedEvent(tenantId, department, UnitType.DEPARTMENT, "D", "Department", first, created,
                        UnitDetails.NONE),
                new UnitMovedEvent(tenantId, department, first, second, moved),
                new UnitDetailsUpdatedEvent(tenantId, department, "Renamed", UnitDetails.NONE)));
        // in one transaction, so that the projection reads them as one batch
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);

        String unit = "/api/v1/tenants/" + tenantId + "/units/" + department;
        Http.Response now = http.get(unit + "?minPosition=" + position, viewer);
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        JsonNode view = now.json();
        assertThat(view.get("name").asText()).isEqualTo("Renamed");
        assertThat(view.get("parentId").asText()).isEqualTo(second.toString());
        assertThat(view.get("path").toString()).isEqualTo("[\"" + second + "\",\"" + department + "\"]");
        assertThat(view.get("revision").asLong()).as("the rename, the tree's fifth event").isEqualTo(4);
        assertThat(http.get("/api/v1/tenants/" + tenantId + "/units/" + second, viewer).json().get("revision").asLong())
                .as("a unit keeps the revision of its own last change").isEqualTo(1);

        Http.Response before = http.get(unit + "?asOf=" + moved.minusSeconds(30), viewer);
        assertThat(before.json().get("parentId").asText()).as("under A until the move").isEqualTo(first.toString());
    }

    @Test
    void subtreeChildrenAndAncestorsShowEachUnitAsItIsAfterMovesRenamesAndStatusChanges() {
        TenantId tenant = TenantId.random();
        UUID tenantId = tenant.value();
        append("Tenant", tenant.toString(), 0,
                TenantTestEvents.created(tenant, "s-" + tenantId.toString().substring(0, 8)));
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID root = UUID.randomUUID();
        UUID left = UUID.randomUUID();
        UUID right = UUID.randomUUID();
        UUID leaf = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(300);
        Instant moved = created.plusSeconds(60);
        Instant closed = created.plusSeconds(120);
        Instant reopened = Instant.now().plusSeconds(3_600);
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, List.of(
                legalEntity(tenantId, root, "ROOT", created),
                department(tenantId, left, "L", root, created),
                department(tenantId, right, "R", root, created),
                department(tenantId, leaf, "X", right, created),
                new UnitMovedEvent(tenantId, right, root, left, moved),
                new UnitDetailsUpdatedEvent(tenantId, right, "Right renamed", UnitDetails.NONE),
                new UnitClosedEvent(tenantId, right, closed),
                new UnitReopenedEvent(tenantId, right, reopened)));
        String units = "/api/v1/tenants/" + tenantId + "/units/";

        JsonNode now = read(units + root + "/subtree?minPosition=" + position, viewer);
        assertThat(summaries(now.get("items"))).containsExactly(
                "ROOT Entity ROOT LEGAL_ENTITY ACTIVE null 0",
                "L Department L DEPARTMENT ACTIVE " + root + " 1",
                "R Right renamed DEPARTMENT CLOSED " + left + " 2",
                "X Department X DEPARTMENT ACTIVE " + right + " 3");
        assertThat(summaries(read(units + leaf + "/ancestors", viewer).get("items"))).containsExactly(
                "R Right renamed DEPARTMENT CLOSED " + left + " 1",
                "L Department L DEPARTMENT ACTIVE " + root + " 2",
                "ROOT Entity ROOT LEGAL_ENTITY ACTIVE null 3");
        assertThat(summaries(read(units + left + "/children", viewer).get("items")))
                .containsExactly("R Right renamed DEPARTMENT CLOSED " + left + " 1");
        assertThat(summaries(read(units + root + "/subtree?asOf=" + moved.minusSeconds(1), viewer).get("items")))
                .as("before the move and the closing").containsExactly(
                "ROOT Entity ROOT LEGAL_ENTITY ACTIVE null 0",
                "L Department L DEPARTMENT ACTIVE " + root + " 1",
                "R Right renamed DEPARTMENT ACTIVE " + root + " 1",
                "X Department X DEPARTMENT ACTIVE " + right + " 2");
        assertThat(summaries(read(units + left + "/children?asOf=" + reopened.plusSeconds(1), viewer).get("items")))
                .as("reopened in an hour").containsExactly("R Right renamed DEPARTMENT ACTIVE " + left + " 1");
    }

    private JsonNode read(String path, String token) {
        Http.Response response = http.get(path, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> summaries(JsonNode units) {
        List<String> lines = new ArrayList<>();
        units.forEach(unit -> lines.add(String.join(" ", unit.get("code").asText(), unit.get("name").asText(),
                unit.get("type").asText(), unit.get("status").asText(), unit.path("parentId").asText("null"),
                unit.get("depth").asText())));
        return lines;
    }

    private static UnitCreatedEvent department(UUID tenantId, UUID unitId, String code, UUID parent, Instant from) {
        return new UnitCreatedEvent(tenantId, unitId, UnitType.DEPARTMENT, code, "Department " + code, parent, from,
                UnitDetails.NONE);
    }

    private static UnitCreatedEvent legalEntity(UUID tenantId, UUID unitId, String code, Instant from) {
        return new UnitCreatedEvent(tenantId, unitId, UnitType.LEGAL_ENTITY, code, "Entity " + code, null, from,
                UnitDetails.NONE);
    }
}
