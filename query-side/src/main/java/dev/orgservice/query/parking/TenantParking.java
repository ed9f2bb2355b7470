package dev.orgservice.query.parking;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps one tenant's event that a projection cannot store from stopping that projection for every tenant.
 * <p>
 * A batch runs as before, all its events in one transaction. When it fails, the processor rolls it back and
 * retries it ({@link #handleError}); the retry handles each event in a savepoint of its own ("event by event"),
 * so that a failing event can be undone alone. If it fails for a reason of its own ({@link ParkableFailure}),
 * its tenant is parked: the event and every later event of that tenant for this processor are recorded in
 * {@code read_model.parked_event} instead of being applied, and the processor goes on with the other tenants.
 * {@link ParkedEventRetry} applies them, in order, once they can be stored. Every batch first reads which tenants
 * are parked, so an instance that takes the processor over knows them too.
 */
public final class TenantParking implements MessageHandlerInterceptor<EventMessage<?>>, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TenantParking.class);
    private static final String BATCH = TenantParking.class.getName() + ".batch";
    private static final String SAVEPOINT = "parking";

    private final String processor;
    private final ParkedTenants parkedTenants;
    private final JdbcTemplate jdbc;
    /**
     * Set by a failed batch; its retry runs event by event, and the next batch that commits clears it. Per thread:
     * a tracking processor gives each segment a thread of its own and retries a segment's batch on it, so one
     * segment's commit never clears another's retry (with several segments).
     */
    private final ThreadLocal<Boolean> eventByEvent = ThreadLocal.withInitial(() -> false);

    TenantParking(String processor, ParkedTenants parkedTenants, JdbcTemplate jdbc) {
        this.processor = processor;
        this.parkedTenants = parkedTenants;
        this.jdbc = jdbc;
    }

    /** What a batch knows: the tenants it holds back, those confirmed under their lock, and how it runs. */
    private record Batch(Set<UUID> heldBack, Set<UUID> locked, boolean eventByEvent) {
    }

    /**
     * Whether the batch being handled on this thread runs event by event: a projection that defers its writes to
     * the end of the batch must then write them within the event, where a failure can still be undone alone.
     */
    public static boolean eventByEvent() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Batch batch = CurrentUnitOfWork.get().root().getResource(BATCH);
        return batch != null && batch.eventByEvent();
    }

    @Override
    public void handleError(ErrorContext context) throws Exception {
        eventByEvent.set(true);
        if (context.error() instanceof Exception exception) {
            throw exception;
        }
        throw (Error) context.error();
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Batch batch = batchOf(unitOfWork.root());
        EventMessage<?> event = unitOfWork.getMessage();
        UUID tenant = TenantOfEvent.of(event);
        if (tenant != null && batch.heldBack().contains(tenant)) {
            if (batch.locked().contains(tenant) || parkedTenants.lockIfParked(processor, tenant)) {
                batch.locked().add(tenant);
                parkedTenants.park(processor, tenant, event, position(event), null);
                return null;
            }
            batch.heldBack().remove(tenant); // released by a retry since the batch began
        }
        if (!batch.eventByEvent()) {
            return interceptorChain.proceed();
        }
        jdbc.execute("savepoint " + SAVEPOINT);
        try {
            Object result = interceptorChain.proceed();
            jdbc.execute("release savepoint " + SAVEPOINT);
            return result;
        } catch (Exception failure) {
            if (tenant == null || !ParkableFailure.parks(failure)) {
                throw failure;
            }
            jdbc.execute("rollback to savepoint " + SAVEPOINT);
            jdbc.execute("release savepoint " + SAVEPOINT);
            parkedTenants.lock(processor, tenant);
            parkedTenants.park(processor, tenant, event, position(event), ParkableFailure.describe(failure));
            batch.heldBack().add(tenant);
            batch.locked().add(tenant);
            log.error("{} cannot store event {} ({}) at position {} of tenant {}: the tenant's events are parked "
                            + "from here until a retry stores them; the other tenants go on", processor,
                    event.getIdentifier(), event.getPayloadType().getSimpleName(), position(event), tenant, failure);
            return null;
        }
    }

    private Batch batchOf(UnitOfWork<?> root) {
        return root.getOrComputeResource(BATCH, key -> {
            boolean oneByOne = eventByEvent.get();
            if (oneByOne) {
                root.afterCommit(committed -> eventByEvent.set(false));
            }
            return new Batch(parkedTenants.of(processor), new HashSet<>(), oneByOne);
        });
    }

    private static long position(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken().position().orElse(-1) : -1;
    }
}
