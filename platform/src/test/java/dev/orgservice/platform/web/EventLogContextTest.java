package dev.orgservice.platform.web;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** While an event is handled the log context holds its request's ids; afterwards the thread's own come back. */
class EventLogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void holdsTheEventsIdsWhileItIsHandledAndRestoresTheThreadsOwn() throws Exception {
        MDC.put("correlationId", "the-request-on-this-thread");
        EventMessage<String> event = GenericEventMessage.<String>asEventMessage("payload").withMetaData(MetaData.from(
                Map.of("correlationId", "corr-7", "tenantId", "t-1", "userId", "alice")));
        String[] seen = new String[3];

        DefaultUnitOfWork<EventMessage<String>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.executeWithResult(() -> new EventLogContext.Interceptor().handle(unitOfWork, () -> {
            seen[0] = MDC.get("correlationId");
            seen[1] = MDC.get("tenantId");
            seen[2] = MDC.get("userId");
            return null;
        }));

        assertThat(seen).containsExactly("corr-7", "t-1", "alice");
        assertThat(MDC.get("correlationId")).isEqualTo("the-request-on-this-thread");
        assertThat(MDC.get("tenantId")).isNull();
        assertThat(MDC.get("userId")).isNull();
    }
}
