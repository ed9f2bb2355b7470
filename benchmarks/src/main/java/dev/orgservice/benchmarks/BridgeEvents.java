package dev.orgservice.benchmarks;

import dev.orgservice.api.structure.Address;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.command.messaging.CommandMetadata;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Structure events as the command side stores them, appended through Axon's event store (not through
 * commands: 100,000 commands would take minutes here, and the bridge only reads the store). Per tenant the
 * {@code OrganizationTree} aggregate {@code org-tree-{tenantId}} gets a department created under its root, then
 * that department moved to another parent, and so on, with the metadata a request leaves (tenant, user,
 * correlation id). The events go round {@link #TENANTS} tenants, so the records have that many keys.
 */
final class BridgeEvents {

    static final int TENANTS = 64;
    static final int PER_TRANSACTION = 1_000;

    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final UUID[] tenants = new UUID[TENANTS];
    private final UUID[] roots = new UUID[TENANTS];
    private final UUID[] lastUnits = new UUID[TENANTS];
    private final long[] sequences = new long[TENANTS];
    private long appended;

    BridgeEvents(EventStore eventStore, TransactionManager transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
        for (int i = 0; i < TENANTS; i++) {
            tenants[i] = UUID.randomUUID();
            roots[i] = UUID.randomUUID();
        }
    }

    void append(int count) {
        for (int done = 0; done < count; done += PER_TRANSACTION) {
            List<DomainEventMessage<?>> batch = new ArrayList<>(PER_TRANSACTION);
            for (int i = done; i < Math.min(count, done + PER_TRANSACTION); i++) {
                batch.add(next());
            }
            transactions.executeInTransaction(() -> eventStore.publish(batch));
        }
    }

    private DomainEventMessage<?> next() {
        int t = (int) (appended % TENANTS);
        long sequence = sequences[t]++;
        long unit = appended / TENANTS / 2;
        Instant effective = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400 * (unit % 365));
        Object payload;
        if (sequence % 2 == 0) {
            lastUnits[t] = UUID.randomUUID();
            payload = new UnitCreatedEvent(tenants[t], lastUnits[t], UnitType.DEPARTMENT, "D-" + unit,
                    "Department " + unit, roots[t], effective, new UnitDetails(null, null, null, "DE", "EUR",
                    new Address("Hauptstrasse " + unit, "Berlin", "10115", null, "DE"), "Europe/Berlin", null, null,
                    "OPERATIONS", null, null, UUID.randomUUID(), null));
        } else {
            payload = new UnitMovedEvent(tenants[t], lastUnits[t], roots[t], UUID.randomUUID(), effective);
        }
        appended++;
        return new GenericDomainEventMessage<>("OrganizationTree", "org-tree-" + tenants[t], sequence, payload,
                Map.of(CommandMetadata.TENANT_ID, tenants[t].toString(), CommandMetadata.USER_ID, "bench-editor",
                        CommandMetadata.CORRELATION_ID, "bench-" + appended / 2));
    }
}
