package dev.orgservice.platform.web;

import dev.orgservice.platform.problem.OrgException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code org.commands} timer: count and latency per command type and outcome ({@code accepted}, {@code rejected}
 * by a business rule, {@code failed} otherwise). Both labels have a fixed, small set of values.
 */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;
    /** Looked up once per command type and outcome: a registry lookup per command showed in profiles. */
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(Class<?> command, String outcome) {
    }

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Recorded when the unit of work is cleaned up, after its commit or rollback: a command whose handler returned
     * can still fail at the commit (the event store's unique key, a duplicate slug in the registry), and counted at
     * the return it showed as accepted. Each retry of a command is counted as an attempt of its own.
     */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Class<?> command = unitOfWork.getMessage().getPayloadType();
        long start = System.nanoTime();
        unitOfWork.onCleanup(done -> timers.computeIfAbsent(new Key(command, outcomeOf(done)), this::timer)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        return chain.proceed();
    }

    private static String outcomeOf(UnitOfWork<?> done) {
        if (!done.isRolledBack()) {
            return "accepted";
        }
        ExecutionResult result = done.getExecutionResult();
        for (Throwable cause = result == null ? null : result.getExceptionResult(); cause != null;
             cause = cause.getCause()) {
            if (cause instanceof OrgException) {
                return "rejected";
            }
        }
        return "failed";
    }

    private Timer timer(Key key) {
        return Timer.builder("org.commands").description("Commands handled, by type and outcome")
                .tag("command", key.command().getSimpleName()).tag("outcome", key.outcome()).register(registry);
    }
}
