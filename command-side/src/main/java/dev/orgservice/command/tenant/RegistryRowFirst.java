package dev.orgservice.command.tenant;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks the tenant's registry row ({@code FOR UPDATE}) before a command that changes it runs. {@link TenantRegistry}
 * updates the row when the command's events are published, after the event store appended them and they took their
 * global index; the update waits there for the tree commands that hold the row {@code FOR SHARE}
 * ({@link RegistryTenantGuard}, from the start of the command, one reloading a big tree for seconds; or, for a
 * command on a cached tree, from its append on: {@code DeferredStoreCheck}). Meanwhile the index is a gap, which
 * the tracking processors (the Kafka publisher, the projections) stop waiting for once 10,000 later positions are
 * taken (max-gap-offset: 5 s at 2,000 commands/s): the suspension would never reach Kafka or the read model. Waiting
 * here, before the append, takes no index. Runs inside the command's transaction (the bus attaches it first). A
 * bean, so Axon's auto-configuration puts it on the command bus (once: registering it again locked the row twice).
 */
@Component
class RegistryRowFirst implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final RegistryTenantGuard guard;

    RegistryRowFirst(JdbcTemplate jdbc, RegistryTenantGuard guard) {
        this.jdbc = jdbc;
        this.guard = guard;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof RegistryChange change) {
            jdbc.query("select 1 from event_store.tenant_registry where tenant_id = ? for update", row -> {
            }, change.tenantId().value());
            // the tree commands that follow read the changed row instead of being refused at their append
            unitOfWork.afterCommit(u -> guard.forget(change.tenantId().value()));
        }
        return interceptorChain.proceed();
    }
}
