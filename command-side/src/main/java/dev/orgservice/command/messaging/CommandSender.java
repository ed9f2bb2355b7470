package dev.orgservice.command.messaging;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.command.idempotency.IdempotencyKeys;
import dev.orgservice.command.idempotency.RequestIds;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;
import dev.orgservice.platform.security.CurrentUser;
import dev.orgservice.platform.web.CorrelationId;
import dev.orgservice.platform.web.HeaderText;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Sends a command on behalf of the current request, with the audit metadata every event must carry, and
 * answers the event-store position the client can read its write at.
 */
@Component
public class CommandSender {

    public static final String REASON_HEADER = "X-Change-Reason";
    static final int MAX_REASON_LENGTH = 500;

    private final CommandGateway gateway;
    private final AppendedPositions appendedPositions;
    private final EventPositions positions;
    private final TreeGates trees;

    public CommandSender(CommandGateway gateway, AppendedPositions appendedPositions, EventPositions positions,
                         TreeGates trees) {
        this.gateway = gateway;
        this.appendedPositions = appendedPositions;
        this.positions = positions;
        this.trees = trees;
    }

    /**
     * What happened: the handler's result, and whether any event was appended (false for a no-op or a retry, and
     * for a replay: a create request answered again for its {@code Idempotency-Key}, whose result is null).
     */
    public record Outcome<R>(R result, long position, boolean appended) {
    }

    public <R> Outcome<R> send(Object command, UUID tenantId) {
        return send(command, tenantId, null, RequestIds.fresh());
    }

    /** @param reason the change reason from the body; when null, the {@code X-Change-Reason} header */
    public <R> Outcome<R> send(Object command, UUID tenantId, String reason) {
        return send(command, tenantId, reason, RequestIds.fresh());
    }

    /**
     * A create whose {@code ids} came from {@link IdempotencyKeys}: a replay is not sent again (its answer carries
     * {@code Idempotent-Replayed: true}); a new key is stored in the command's transaction.
     */
    public <R> Outcome<R> send(Object command, UUID tenantId, RequestIds ids) {
        return send(command, tenantId, null, ids);
    }

    private <R> Outcome<R> send(Object command, UUID tenantId, String reason, RequestIds ids) {
        if (ids.replayed()) {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                    && request.getResponse() != null) {
                request.getResponse().setHeader(IdempotencyKeys.REPLAYED_HEADER, "true");
            }
            @SuppressWarnings("unchecked") // the revision a unit's or position's create or a position import answered
            R revision = (R) ids.earlierRevision();
            return new Outcome<>(revision, positions.head(), false);
        }
        MetaData metadata = metadata(tenantId, reason != null ? reason : reasonHeader());
        if (ids.claim() != null) {
            metadata = metadata.and(IdempotencyKeys.CLAIM, ids.claim());
        }
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metadata);
        try {
            R result = trees.through(command, () -> gateway.sendAndWait(message));
            OptionalLong appended = appendedPositions.take(message.getIdentifier());
            // nothing appended (a no-op): the head, so that a read at it sees everything before the command
            long position = appended.isPresent() ? appended.getAsLong() : positions.head();
            return new Outcome<>(result, position, appended.isPresent());
        } finally {
            appendedPositions.take(message.getIdentifier());
        }
    }

    private static MetaData metadata(UUID tenantId, String reason) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(CommandMetadata.USER_ID, CurrentUser.get().userId());
        metadata.put(CommandMetadata.TENANT_ID, tenantId.toString());
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            metadata.put(CommandMetadata.CORRELATION_ID, correlationId);
        }
        if (reason != null && !reason.isBlank()) {
            if (reason.length() > MAX_REASON_LENGTH) {
                throw new OrgException(ErrorCode.VALIDATION, "The change reason is too long", Map.of("errors",
                        List.of(new Problems.FieldError("reason", "at most " + MAX_REASON_LENGTH + " characters"))));
            }
            metadata.put(CommandMetadata.REASON, reason);
        }
        return MetaData.from(metadata);
    }

    private static String reasonHeader() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? HeaderText.asSent(request.getRequest().getHeader(REASON_HEADER)) : null;
    }
}
