package dev.orgservice.command.kafka;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** Numbered test events ("event-0", "event-1", ... of one aggregate) and reading them back from a stream. */
final class TestEvents {

    private TestEvents() {
    }

    static List<EventMessage<?>> numbered(int from, int count) {
        return IntStream.range(from, from + count).<EventMessage<?>>mapToObj(i ->
                new GenericDomainEventMessage<>("Test", "aggregate", i, "event-" + i)).toList();
    }

    static List<Object> payloads(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> (Object) ("event-" + i)).toList();
    }

    static List<Object> payloadsOf(List<TrackedEventMessage<?>> events) {
        return events.stream().map(event -> (Object) event.getPayload()).toList();
    }

    /** Up to {@code count} events, waiting at most 5 s for each. */
    static List<TrackedEventMessage<?>> readAll(BlockingStream<TrackedEventMessage<?>> stream, int count)
            throws InterruptedException {
        List<TrackedEventMessage<?>> read = new ArrayList<>();
        while (read.size() < count && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
            read.add(stream.nextAvailable());
        }
        return read;
    }
}
