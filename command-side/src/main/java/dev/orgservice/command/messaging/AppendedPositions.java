package dev.orgservice.command.messaging;

import dev.orgservice.platform.eventstore.AppendedPositionListener;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The global position of the last event each command appended, as the store's {@code INSERT} returned it
 * ({@code PositionReturningAppend}), kept until the caller answers with it once the command has committed. A
 * command whose unit of work rolls back (a refusal, or a conflict that the gateway retries) leaves nothing.
 */
@Component
public class AppendedPositions implements AppendedPositionListener {

    private final Map<String, Long> lastPositionByCommand = new ConcurrentHashMap<>();

    @Override
    public void appended(long lastGlobalIndex) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> {
            if (unitOfWork.root().getMessage() instanceof CommandMessage<?> command) {
                String commandId = command.getIdentifier();
                lastPositionByCommand.merge(commandId, lastGlobalIndex, Math::max);
                unitOfWork.root().onRollback(u -> lastPositionByCommand.remove(commandId));
            }
        });
    }

    /** The position of the last event the command appended, if it appended any; forgets it. */
    public OptionalLong take(String commandId) {
        Long position = lastPositionByCommand.remove(commandId);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }
}
