package dev.orgservice.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the query side: every projection's processor runs and is not in error (a failing handler
 * makes its processor retry with back-off; until it recovers, reads of that model would go stale).
 */
@Component("eventProcessors")
public class ProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    public ProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean healthy = true;
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                boolean ok = streaming.isRunning() && !streaming.isError();
                healthy &= ok;
                states.put(processor.getName(), !streaming.isRunning() ? "stopped" : streaming.isError() ? "error" : "running");
            }
        }
        return (healthy ? Health.up() : Health.outOfService()).withDetails(states).build();
    }
}
