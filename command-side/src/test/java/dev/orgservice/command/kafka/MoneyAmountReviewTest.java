package dev.orgservice.command.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.Money;
import dev.orgservice.platform.validation.Amount;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review (2026-11-28): docs/events.md promises {@code Money.amount} as "a JSON number, exact decimal", and the API
 * accepts amounts of up to 15 integer and 4 fraction digits ({@link Amount}): 19 significant digits. RFC 8259 (6)
 * warns that numbers beyond IEEE 754 double precision are not interoperable, and that is what a consumer's default
 * JSON reader makes of them: Jackson's {@code readTree} (as KafkaBridgeTest reads records), JavaScript's
 * {@code JSON.parse}, Python's {@code json}. The amount a consumer compares against is then not the recorded limit.
 */
class MoneyAmountReviewTest {

    /** The services' event JSON: the application's mapper as Spring Boot and command-side.yml set it up. */
    private static final ObjectMapper SERVICE_JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    @Test
    @Disabled("A known defect, proven by this test and not fixed yet: docs/architecture.md, Still open")
    void aLimitTheApiAcceptsReachesAConsumersDefaultJsonReaderUnchanged() throws Exception {
        BigDecimal limit = new BigDecimal("999999999999999.9999");
        assertThat(new Amount.Validator().isValid(limit, null)).as("the API accepts it").isTrue();

        UUID tenant = UUID.randomUUID();
        var event = new GenericDomainEventMessage<>("OrganizationTree", "org-tree-" + tenant, 0,
                new ApprovalAuthorityGrantedEvent(tenant, UUID.randomUUID(), "PURCHASE_ORDER", new Money(limit, "EUR"),
                        Instant.parse("2027-01-01T00:00:00Z")), MetaData.with("tenantId", tenant.toString()));
        ProducerRecord<String, byte[]> record = new CloudEventsRecordConverter(
                JacksonSerializer.builder().objectMapper(SERVICE_JSON).build())
                .createKafkaMessage(event, "org.structure.events.v1");

        JsonNode amount = new ObjectMapper().readTree(record.value()).get("limit").get("amount");
        assertThat(amount.decimalValue())
                .as("limit.amount as a consumer reads %s", new String(record.value()))
                .isEqualByComparingTo(limit);
    }
}
