package dev.orgservice.query;

import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.query.tenant.TenantTestEvents;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The query side on a real PostgreSQL. Events are appended as the command side would (its role, its
 * schema, Jackson), so the projections read exactly what production stores.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the parked events are retried when a test asks, not on a schedule that could race it
        properties = {QuerySideApplication.CONFIG_NAME, "org.query.min-position-timeout=2s",
                "org.query.parked-retry-interval=0"})
public abstract class QuerySideIntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    private Serializer serializer;

    @Autowired
    private EventSchema eventSchema;

    protected Http http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().migrateEventStore();
        TestDatabase.get().register(registry);
    }

    @BeforeEach
    void client() {
        http = Http.onPort(port);
    }

    /** A new tenant, as its created event (the slug made of {@code prefix} and the id's start). */
    protected TenantId newTenant(String prefix) {
        TenantId tenant = TenantId.random();
        append("Tenant", tenant.toString(), 0,
                TenantTestEvents.created(tenant, prefix + "-" + tenant.value().toString().substring(0, 8)));
        return tenant;
    }

    /** Appends one event of an aggregate as the command role; answers its global position. */
    protected long append(String aggregateType, String aggregateId, long sequence, Object event) {
        return append(aggregateType, aggregateId, sequence, List.of(event));
    }

    /** Appends events of an aggregate in one transaction, from {@code firstSequence} on; answers the last position. */
    protected long append(String aggregateType, String aggregateId, long firstSequence, List<?> events) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, firstSequence + i, events.get(i),
                    MetaData.from(Map.of("userId", "test", "tenantId", aggregateId, "correlationId", "test-corr"))));
        }
        return append(messages);
    }

    /**
     * Appends one event of {@code tenantId}'s aggregate as recorded at {@code recordedAt} by an instance whose clock
     * differs from this one's; answers its position.
     */
    protected long appendRecordedAt(String aggregateType, String aggregateId, long sequence, Object event,
                                    UUID tenantId, Instant recordedAt) {
        return append(List.of(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event,
                MetaData.from(Map.of("userId", "test", "tenantId", tenantId.toString())), UUID.randomUUID().toString(),
                recordedAt)));
    }

    /** Appends event messages as they are (their timestamps too) in one transaction; answers the last position. */
    protected long append(List<GenericDomainEventMessage<?>> messages) {
        var command = TestDatabase.get().accounts().command();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(TestDatabase.get().url(), command.user(),
                        command.password()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(eventSchema)
                .build();
        engine.appendEvents(messages);
        return engine.createHeadToken().position().orElseThrow();
    }
}
