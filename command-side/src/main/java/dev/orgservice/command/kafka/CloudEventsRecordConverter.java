package dev.orgservice.command.kafka;

import dev.orgservice.api.EventContract;

import dev.orgservice.command.messaging.CommandMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes an event as a CloudEvents record in binary mode: the value is the event's JSON, {@code ce_*} headers
 * carry the envelope, and plain {@code tenant_id} / {@code correlation_id} headers serve consumers that do not
 * speak CloudEvents. The key is the aggregate id, so one aggregate's events stay in order in one partition.
 * The extension's own CloudEvents converter cannot do this (it names types by Java class and writes no plain
 * headers), hence this converter; everything else (processor, producer, acks) is the extension's.
 */
public class CloudEventsRecordConverter implements KafkaMessageConverter<String, byte[]> {

    private final Serializer serializer;
    private final InstantText times = new InstantText();

    public CloudEventsRecordConverter(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
        String key = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
        String tenantId = (String) event.getMetaData().get(CommandMetadata.TENANT_ID);
        Headers headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.getIdentifier());
        header(headers, "ce_type", EventContract.typeOf(event.getPayloadType()));
        header(headers, "ce_source", "/org-service/" + tenantId);
        header(headers, "ce_time", times.format(event.getTimestamp()));
        header(headers, "ce_subject", key);
        header(headers, "content-type", "application/json");
        header(headers, "tenant_id", tenantId);
        header(headers, "correlation_id", (String) event.getMetaData().get(CommandMetadata.CORRELATION_ID));
        // an event read from the store keeps its stored JSON: written by this serializer, so it is sent as it is
        // instead of being deserialized only to be serialized again (most of the publisher's CPU)
        byte[] value = event.serializePayload(serializer, byte[].class).getData();
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    /** Not used: the service never consumes its own topics (the query side reads the event store). */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        return Optional.empty();
    }

    private static void header(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
