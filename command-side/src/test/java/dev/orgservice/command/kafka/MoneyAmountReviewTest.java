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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review (2026-11-28): docs/events.md promises {@code Money.amount} as "a JSON number, exact decimal", and the API
 * accepted amounts of up to 15 integer and 4 fraction digits: 19 significant digits. RFC 8259 (6) warns that numbers
 * beyond IEEE 754 double precision are not interoperable, and that is what a consumer's default JSON reader made of
 * them: Jackson's {@code readTree} (as KafkaBridgeTest reads records), JavaScript's {@code JSON.parse}, Python's
 * {@code json}; {@code 999999999999999.9999} reached them as {@code 1.0E15}. Since 2026-11-29 {@link Amount} takes
 * at most 15 significant digits, which a double keeps exactly: the largest amounts it accepts, at every scale, reach
 * such a reader unchanged, and the review's amount is refused.
 */
class MoneyAmountReviewTest {

    /** The services' event JSON: the application's mapper as Spring Boot and command-side.yml set it up. */
    private static final ObjectMapper SERVICE_JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final Amount.Validator AMOUNTS = new Amount.Validator();

    @Test
    void theReviewsAmountOfNineteenDigitsIsRefused() {
        assertThat(AMOUNTS.isValid(new BigDecimal("999999999999999.9999"), null)).isFalse();
        assertThat(AMOUNTS.isValid(new BigDecimal("1234567890123.456"), null)).isFalse();
    }

    @Test
    void everyLimitTheApiAcceptsReachesAConsumersDefaultJsonReaderUnchanged() throws Exception {
        List<BigDecimal> limits = new ArrayList<>(List.of(new BigDecimal("999999999999999"),
                new BigDecimal("99999999999.9999"), new BigDecimal("999999999999999.0000"), new BigDecimal("0.0001"),
                new BigDecimal("1E+3"), new BigDecimal("123456789012.345")));
        SplittableRandom random = new SplittableRandom(29);
        while (limits.size() < 20_000) { // 15 significant digits at every scale the API takes
            int scale = random.nextInt(Amount.MAX_DECIMALS + 1);
            limits.add(BigDecimal.valueOf(random.nextLong(1_000_000_000_000_000L), scale));
        }
        UUID tenant = UUID.randomUUID();
        var converter = new CloudEventsRecordConverter(JacksonSerializer.builder().objectMapper(SERVICE_JSON).build());
        ObjectMapper consumersDefault = new ObjectMapper();
        for (BigDecimal limit : limits) {
            assertThat(AMOUNTS.isValid(limit, null)).as("the API accepts %s", limit).isTrue();
            var event = new GenericDomainEventMessage<>("OrganizationTree", "org-tree-" + tenant, 0,
                    new ApprovalAuthorityGrantedEvent(tenant, UUID.randomUUID(), "PURCHASE_ORDER", new Money(limit, "EUR"),
                            Instant.parse("2027-01-01T00:00:00Z")), MetaData.with("tenantId", tenant.toString()));
            ProducerRecord<String, byte[]> record = converter.createKafkaMessage(event, "org.structure.events.v1");

            JsonNode amount = consumersDefault.readTree(record.value()).get("limit").get("amount");
            assertThat(amount.decimalValue())
                    .as("limit.amount as a consumer reads %s", new String(record.value()))
                    .isEqualByComparingTo(limit);
        }
    }
}
