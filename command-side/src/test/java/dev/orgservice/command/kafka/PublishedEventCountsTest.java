package dev.orgservice.command.kafka;

import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedEventCountsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PublishedEventCounts counts = new PublishedEventCounts(registry);

    @Test
    void countsPublishedAndFailedEventsPerPublicEventType() {
        counts.onMessageIngested(event(UnitMovedEvent.class)).reportSuccess();
        counts.onMessageIngested(event(UnitMovedEvent.class)).reportSuccess();
        counts.onMessageIngested(event(UnitMovedEvent.class)).reportFailure(new IllegalStateException("no ack"));
        counts.onMessageIngested(event(TenantCreatedEvent.class)).reportIgnored();

        assertThat(count("org.kafka.published", "org.structure.UnitMoved.v1")).isEqualTo(2);
        assertThat(count("org.kafka.publish.failures", "org.structure.UnitMoved.v1")).isEqualTo(1);
        assertThat(count("org.kafka.published", "org.tenant.TenantCreated.v1")).isZero();
    }

    private double count(String name, String eventType) {
        return registry.get(name).tag("event_type", eventType).counter().count();
    }

    /** Only the payload's type matters to the counts. */
    private static <T> GenericEventMessage<T> event(Class<T> payloadType) {
        return new GenericEventMessage<>(new GenericMessage<>(payloadType, null, MetaData.emptyInstance()), Instant::now);
    }
}
