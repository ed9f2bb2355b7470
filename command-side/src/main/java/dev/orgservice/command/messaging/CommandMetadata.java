package dev.orgservice.command.messaging;

import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

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

    public static SimpleCorrelationDataProvider copiedToEvents() {
        return new SimpleCorrelationDataProvider(CORRELATION_ID, USER_ID, TENANT_ID, REASON);
    }
}
