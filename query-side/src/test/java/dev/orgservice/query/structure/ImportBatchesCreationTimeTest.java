package dev.orgservice.query.structure;

import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A position import of more than 1,000 rows is recorded as one event per batch, applied one after the other in one
 * command, here 300 microseconds apart within one millisecond, which the event store keeps as one timestamp. The
 * tree's loop rule takes the later batch's positions as created later, so it accepts an import whose second-batch
 * manager position B, with a line to X in the unit, does not manage the unit: A (first batch) does. The read model
 * must take them so too ({@code PositionCreation}); it took them as created at the same instant and let the lower id
 * manage the unit: B, whose chain then looped through X (found by a review, 2026-11-28).
 */
class ImportBatchesCreationTimeTest extends QuerySideIntegrationTest {

    @Test
    void aLaterImportBatchIsCreatedLaterInTheReadModelAsInTheTree() {
        UUID tenantId = newTenant("ib").value();
        String viewer = TestTokens.forTenant(tenantId, "viewer", "ORG_VIEWER");
        UUID le = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID ceo = UUID.randomUUID();
        UUID x = UUID.randomUUID();
        UUID a = UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff");
        UUID b = UUID.fromString("00000000-0000-4000-8000-000000000001");
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        Instant batch1 = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(100, ChronoUnit.MICROS);
        Instant batch2 = batch1.plus(300, ChronoUnit.MICROS);
        Instant earlier = batch1.minusSeconds(1);
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        List<Object> payloads = List.of(
                new UnitCreatedEvent(tenantId, le, UnitType.LEGAL_ENTITY, "LE", "LE", null, from, UnitDetails.NONE),
                new UnitCreatedEvent(tenantId, d, UnitType.DEPARTMENT, "D", "D", le, from, UnitDetails.NONE),
                new PositionCreatedEvent(tenantId, ceo, le, "CEO", true, null, List.of()),
                new PositionCreatedEvent(tenantId, x, d, "X", false, null, List.of()),
                new PositionHolderAssignedEvent(tenantId, x, "x", from, null));
        for (Object payload : payloads) {
            events.add(message(tenantId, events.size(), payload, earlier));
        }
        // what ImportPositionsCommand applies for rows [A, 999 others, B -> X]: the tree accepts it, seeing A as D's
        // manager (ChainLoopsTest.seesAnImportsLaterBatchAsCreatedLater is the same case the other way round)
        events.add(message(tenantId, events.size(), new PositionsImportedEvent(tenantId, UUID.randomUUID(), 1, 2,
                List.of(new ImportedPosition(a, d, "A", true, null, null, null))), batch1));
        events.add(message(tenantId, events.size(), new PositionsImportedEvent(tenantId, UUID.randomUUID(), 2, 2,
                List.of(new ImportedPosition(b, d, "B", true, x, null, null))), batch2));
        long position = append(events);

        Http.Response chain = http.get("/api/v1/tenants/" + tenantId + "/people/x/management-chain?minPosition="
                + position, viewer);
        assertThat(chain.status()).as(chain.body()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        chain.json().get("items").forEach(item -> titles.add(item.get("title").asText()));
        assertThat(titles).as("X reports to A, D's manager since the first batch, and A to the CEO; B reports to X")
                .containsExactly("A", "CEO");
    }

    private GenericDomainEventMessage<?> message(UUID tenantId, long sequence, Object payload, Instant timestamp) {
        return new GenericDomainEventMessage<>("OrganizationTree", "org-tree-" + tenantId, sequence, payload,
                Map.of("userId", "test", "tenantId", tenantId.toString(), "correlationId", "test-corr"),
                UUID.randomUUID().toString(), timestamp);
    }
}
