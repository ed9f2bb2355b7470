package dev.orgservice.query;

import dev.orgservice.query.structure.HierarchyProjection;
import dev.orgservice.query.tenant.TenantProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every projection's processor puts the event's correlation id, tenant and user into the log context. */
class EventLogContextWiringTest extends QuerySideIntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void everyProjectionLogsWithItsEventsRequest() {
        for (String processor : new String[]{TenantProjection.PROCESSING_GROUP, HierarchyProjection.PROCESSING_GROUP}) {
            assertThat(processing.interceptorsFor(processor)).as(processor)
                    .anyMatch(interceptor -> interceptor.getClass().getName().endsWith("EventLogContext$Interceptor"));
        }
    }
}
