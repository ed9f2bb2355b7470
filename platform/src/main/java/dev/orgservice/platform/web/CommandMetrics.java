package dev.orgservice.platform.web;

import dev.orgservice.platform.problem.OrgException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
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

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Class<?> command = unitOfWork.getMessage().getPayloadType();
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            Object result = chain.proceed();
            outcome = "accepted";
            return result;
        } catch (OrgException e) {
            outcome = "rejected";
            throw e;
        } finally {
            timers.computeIfAbsent(new Key(command, outcome), this::timer)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(Key key) {
        return Timer.builder("org.commands").description("Commands handled, by type and outcome")
                .tag("command", key.command().getSimpleName()).tag("outcome", key.outcome()).register(registry);
    }
}
