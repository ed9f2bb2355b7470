package dev.orgservice.command.kafka;

import dev.orgservice.api.EventContract;
import dev.orgservice.api.structure.UnitClosedEvent;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicResolverTest {

    private final TopicResolver topics = new KafkaConfiguration().topicResolver();

    @Test
    void anEventOfAnUnknownTypeFailsTheBatchInsteadOfBeingSkipped() {
        UnknownSerializedType unknown = new UnknownSerializedType(JacksonSerializer.defaultSerializer(),
                new SimpleSerializedObject<>("{}".getBytes(), byte[].class, "dev.orgservice.api.structure.FutureEvent",
                        "1"));
        assertThatThrownBy(() -> topics.resolve(GenericEventMessage.asEventMessage(unknown)))
                .isInstanceOf(EventPublicationFailedException.class);
    }

    @Test
    void anEventOfTheContractGoesToItsTopic() {
        assertThat(topics.resolve(GenericEventMessage.asEventMessage(new UnitClosedEvent(UUID.randomUUID(),
                UUID.randomUUID(), Instant.now())))).contains(EventContract.STRUCTURE_TOPIC);
    }
}
