package dev.orgservice.command.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried command runs with the log context of the request that scheduled it, and leaves none behind. */
class LogContextRetriesTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aRetryRunsWithTheSchedulingRequestsContext() throws Exception {
        LogContextRetries retries = new LogContextRetries(1, Executors.defaultThreadFactory());
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<String> afterwards = new AtomicReference<>("unset");
        try {
            MDC.put("correlationId", "corr-42");
            retries.schedule(() -> seen.set(MDC.get("correlationId")), 1, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            MDC.clear();
            retries.schedule(() -> afterwards.set(MDC.get("correlationId")), 1, TimeUnit.MILLISECONDS)
                    .get(5, TimeUnit.SECONDS);
        } finally {
            retries.shutdownNow();
        }
        assertThat(seen.get()).isEqualTo("corr-42");
        assertThat(afterwards.get()).as("the next task on the same thread").isNull();
    }
}
