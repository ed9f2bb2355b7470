package dev.orgservice.query.consistency;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the query side: every projection's processor runs and none of its segments is in error. A failing
 * handler does not stop a processor: it marks the segment in error and retries the batch with back-off, while the
 * processor still counts as running (its own {@code isError()} speaks only of the processor failing to start its
 * workers). Until a batch succeeds again, reads of that model go stale, so the instance is not ready. One tenant's
 * event that cannot be stored is parked (dev.orgservice.query.parking) and clears the error on the next batch.
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
                String state = stateOf(streaming);
                healthy &= state.equals("running");
                states.put(processor.getName(), state);
            }
        }
        return (healthy ? Health.up() : Health.outOfService()).withDetails(states).build();
    }

    private static String stateOf(StreamingEventProcessor processor) {
        if (!processor.isRunning()) {
            return "stopped";
        }
        boolean segmentFailing = processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
        return processor.isError() || segmentFailing ? "error" : "running";
    }
}
