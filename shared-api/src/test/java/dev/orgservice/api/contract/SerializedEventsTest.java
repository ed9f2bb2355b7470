package dev.orgservice.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgservice.api.EventContract;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON the services actually write for each event is valid against its published schema: what
 * PublishedSchemaTest derives from the records must also hold for Jackson's output (names, ids as UUID strings,
 * instants as date-time strings, amounts as numbers, null fields left out but required ones there).
 */
class SerializedEventsTest {

    @Test
    void everyEventTypeOfTheContractHasASample() {
        assertThat(SampleEvents.all().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(EventContract.EVENTS);
    }

    @Test
    void everySampleIsValidAgainstItsPublishedSchema() {
        for (Object event : SampleEvents.all()) {
            JsonNode json = ServiceJson.MAPPER.valueToTree(event);
            assertThat(PublishedSchemas.violations(event.getClass(), json))
                    .as("%s as the services write it: %s", event.getClass().getSimpleName(), json)
                    .isEmpty();
        }
    }

    /** Without these the test above would pass against schemas that accept anything (as they did: {} was valid). */
    @Test
    void theSchemasRefuseAMissingFieldAnIdThatIsNoUuidAndAnInstantAsANumber() {
        ObjectNode created = ServiceJson.MAPPER.valueToTree(SampleEvents.all().get(0));
        assertThat(created.get("tenantId")).isNotNull();

        assertThat(PublishedSchemas.violations(TenantCreatedEvent.class, ServiceJson.MAPPER.createObjectNode()))
                .as("{} as a TenantCreated").isNotEmpty();
        assertThat(PublishedSchemas.violations(TenantCreatedEvent.class, created.deepCopy().without(List.of("slug"))))
                .as("without its slug").isNotEmpty();
        assertThat(PublishedSchemas.violations(TenantCreatedEvent.class, created.deepCopy().put("tenantId", "acme")))
                .as("a tenantId that is no UUID").isNotEmpty();

        ObjectNode subscription = created.deepCopy();
        ((ObjectNode) subscription.get("subscription")).put("trialEndsAt", 1798761600);
        assertThat(PublishedSchemas.violations(TenantCreatedEvent.class, subscription))
                .as("an instant as epoch seconds").isNotEmpty();
    }
}
