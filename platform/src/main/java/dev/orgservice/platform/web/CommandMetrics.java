package dev.orgservice.platform.web;

import dev.orgservice.platform.problem.OrgException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * {@code org.commands} timer: count and latency per command type and outcome ({@code accepted}, {@code rejected}
 * by a business rule, {@code failed} otherwise). Both labels have a fixed, small set of values.
 */
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    public CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
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
            Timer.builder("org.commands").description("Commands handled, by type and outcome")
                    .tag("command", command).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
