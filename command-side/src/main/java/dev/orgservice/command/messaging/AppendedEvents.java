package dev.orgservice.command.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Remembers the id of the last event each command published, so the caller can answer with that event's
 * global position once the command has committed (Axon 4 does not hand the position back).
 */
@Component
public class AppendedEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Map<String, String> lastEventByCommand = new ConcurrentHashMap<>();

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        if (!events.isEmpty()) {
            CurrentUnitOfWork.ifStarted(unitOfWork -> {
                if (unitOfWork.root().getMessage() instanceof CommandMessage<?> command) {
                    String commandId = command.getIdentifier();
                    lastEventByCommand.put(commandId, events.get(events.size() - 1).getIdentifier());
                    unitOfWork.root().onRollback(u -> lastEventByCommand.remove(commandId));
                }
            });
        }
        return (index, event) -> event;
    }

    /** The last event the command published, if it published any; forgets it. */
    public Optional<String> take(String commandId) {
        return Optional.ofNullable(lastEventByCommand.remove(commandId));
    }
}
