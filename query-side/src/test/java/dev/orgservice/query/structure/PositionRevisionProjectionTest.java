package dev.orgservice.query.structure;

import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionRetitledEvent;
import dev.orgservice.api.structure.PositionVacatedEvent;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A position's revision in the read model is the sequence number of the last event that changed it, whatever kind of
 * change, as the command side counts it: the value a client sends back in {@code If-Match}.
 */
class PositionRevisionProjectionTest extends QuerySideIntegrationTest {

    @Test
    void thePositionShowsTheSequenceOfItsOwnLastChange() {
        UUID tenantId = newTenant("prev").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant later = Instant.parse("2021-01-01T00:00:00Z");
        UUID fin = UUID.randomUUID();
        UUID ops = UUID.randomUUID();
        List<Object> events = new ArrayList<>(List.of(
                new UnitCreatedEvent(tenantId, fin, UnitType.LEGAL_ENTITY, "FIN", "Finance", null, from, UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, ops, UnitType.LEGAL_ENTITY, "OPS", "Operations", null, from,
                        UnitDetails.NONE)));
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String code : List.of("RETITLED", "LINES", "MOVED", "ROLE", "HELD", "VACATED", "CLOSED")) {
            ids.put(code, UUID.randomUUID());
            events.add(new PositionCreatedEvent(tenantId, ids.get(code), fin, code, false, null, List.of()));
        }
        UUID imported = UUID.randomUUID();
        UUID importedLater = UUID.randomUUID();
        UUID importId = UUID.randomUUID();
        events.addAll(List.of(
                new PositionRetitledEvent(tenantId, ids.get("RETITLED"), "Renamed"),                          // 9
                new PositionReportingLinesChangedEvent(tenantId, ids.get("LINES"), ids.get("ROLE"), List.of(), later),
                new PositionMovedEvent(tenantId, ids.get("MOVED"), fin, ops, later),                          // 11
                new PositionManagerRoleChangedEvent(tenantId, ids.get("ROLE"), true, later),
                new PositionHolderAssignedEvent(tenantId, ids.get("HELD"), "ann", from, null),                // 13
                new PositionVacatedEvent(tenantId, ids.get("VACATED"), later),
                new PositionClosedEvent(tenantId, ids.get("CLOSED"), later),                                  // 15
                new ApprovalAuthorityGrantedEvent(tenantId, ids.get("RETITLED"), "purchase",
                        new Money(new BigDecimal("1000"), "EUR"), from),
                new PositionsImportedEvent(tenantId, importId, 1, 2, List.of(                                 // 17
                        new ImportedPosition(imported, fin, "Imported", false, null, null, null))),
                new PositionsImportedEvent(tenantId, importId, 2, 2, List.of(
                        new ImportedPosition(importedLater, fin, "Imported later", false, null, "bob", from)))));
        long position = append("OrganizationTree", "org-tree-" + tenantId, 0, events);

        long expected = 9;
        for (UUID changed : ids.values()) {
            assertThat(revision(tenantId, changed, viewer, position)).as("its own change, not the authority after it")
                    .isEqualTo(expected++);
        }
        assertThat(revision(tenantId, imported, viewer, position)).as("the first batch").isEqualTo(17);
        assertThat(revision(tenantId, importedLater, viewer, position)).as("the second batch").isEqualTo(18);
    }

    private long revision(UUID tenantId, UUID positionId, String viewer, long position) {
        Http.Response view = http.get("/api/v1/tenants/" + tenantId + "/positions/" + positionId + "?minPosition="
                + position, viewer);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        return view.json().get("revision").asLong();
    }
}
