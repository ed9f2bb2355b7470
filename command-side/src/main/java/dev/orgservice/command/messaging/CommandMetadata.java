package dev.orgservice.command.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import java.util.Map;

/**
 * Metadata every command carries and Axon copies onto each event it causes. {@code correlationId} is the
 * request's {@code X-Correlation-Id}; Axon's own {@code MessageOriginProvider}, which would overwrite that key
 * with a message id, is replaced by {@link #copiedToEvents()}.
 */
public final class CommandMetadata {

    public static final String CORRELATION_ID = "correlationId";
    public static final String USER_ID = "userId";
    public static final String TENANT_ID = "tenantId";
    public static final String REASON = "reason";

    private CommandMetadata() {
    }

    /**
     * Copies these keys from a command onto the messages made while it is handled: the events it applies. Only
     * from commands: no event handler of this service sends messages, and Axon asks each event processor's unit of
     * work for correlation data once per event handled (for a result message nobody reads), which was a quarter of
     * the Kafka publisher's processor thread (docs/benchmarks.md, thirteenth run). An event handler that sends
     * commands would need the copy from events too.
     */
    public static CorrelationDataProvider copiedToEvents() {
        var copied = new SimpleCorrelationDataProvider(CORRELATION_ID, USER_ID, TENANT_ID, REASON);
        return message -> message instanceof CommandMessage<?> ? copied.correlationDataFor(message) : Map.of();
    }
}
