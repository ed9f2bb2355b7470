package dev.orgservice.query.parking;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Applies a parked tenant's held-back events, oldest first, with the projection's own handlers, and releases the
 * tenant when all of them are stored. It works in short transactions under the (processor, tenant) lock, each
 * committing the events it could store and moving the tenant's parked position past them, so the processor never
 * applies a later event of the tenant before them, nor waits long for the lock. An event that still fails stays
 * parked with those behind it, and the failure is recorded for the operators. Runs half a minute after start (a
 * deploy that fixes the cause is retried at once) and then every {@code org.query.parked-retry-interval} (a failure
 * that went away by itself, such as a row that has since been removed; {@code 0}: only when an operator asks), one
 * retry at a time per instance.
 */
@Component
public class ParkedEventRetry implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ParkedEventRetry.class);
    private static final Duration FIRST_RUN = Duration.ofSeconds(30);
    /** How long one retry transaction holds the tenant's lock, at most (and the events it applies in it). */
    private static final Duration LOCK_HELD = Duration.ofSeconds(1);
    private static final int EVENTS_AT_ONCE = 1_000;

    /** What one transaction of a retry came to. */
    private enum Step { CAUGHT_UP, STORED_SOME, STILL_FAILING, NOT_PARKED }

    private final ParkedTenants parkedTenants;
    private final EventProcessingConfiguration processing;
    private final EventStorageEngine events;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final ReentrantLock running = new ReentrantLock();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parked-event-retry");
        thread.setDaemon(true);
        return thread;
    });

    ParkedEventRetry(ParkedTenants parkedTenants, EventProcessingConfiguration processing, EventStorageEngine events,
                     PlatformTransactionManager transactionManager,
                     @Value("${org.query.parked-retry-interval:5m}") Duration interval) {
        this.parkedTenants = parkedTenants;
        this.processing = processing;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.interval = interval;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (interval.isZero()) {
            return;
        }
        long first = Math.min(FIRST_RUN.toMillis(), interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::retryAllQuietly, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    /**
     * Retries every parked tenant; answers how many this call caught up and released, or nothing when a retry is
     * running already on this instance (its threads and projector connections are not taken twice).
     */
    public OptionalInt retryAll() {
        if (!running.tryLock()) {
            return OptionalInt.empty();
        }
        try {
            int released = 0;
            for (ParkedTenants.Parked parked : parkedTenants.all()) {
                if (retryQuietly(parked.processor(), parked.tenantId())) {
                    released++;
                }
            }
            return OptionalInt.of(released);
        } finally {
            running.unlock();
        }
    }

    private void retryAllQuietly() {
        try {
            retryAll();
        } catch (RuntimeException e) {
            log.warn("Retrying the parked events failed; next attempt in {}", interval, e);
        }
    }

    /** One tenant's failure (even one of the retry itself) leaves the others to be retried. */
    private boolean retryQuietly(String processor, UUID tenant) {
        try {
            return retry(processor, tenant);
        } catch (RuntimeException e) {
            log.warn("Retrying the parked events of tenant {} for {} failed", tenant, processor, e);
            parkedTenants.recordFailedRetry(processor, tenant, e);
            return false;
        }
    }

    private boolean retry(String processor, UUID tenant) {
        AbstractEventProcessor eventProcessor = processing.eventProcessor(processor, AbstractEventProcessor.class)
                .orElse(null);
        if (eventProcessor == null) {
            log.warn("Tenant {} is parked by processor {}, which this service does not run", tenant, processor);
            return false;
        }
        Step step;
        do {
            step = transactions.execute(status -> retrySome(eventProcessor, processor, tenant, status));
        } while (step == Step.STORED_SOME);
        return step == Step.CAUGHT_UP;
    }

    /**
     * Applies the oldest held-back events, each in a savepoint, for at most {@link #LOCK_HELD} or
     * {@link #EVENTS_AT_ONCE} events, and commits what could be stored: the processor waits for this lock when it
     * meets the tenant's next event, and must not wait into its statement timeout (it would stop for every
     * tenant) behind the retry of thousands of events.
     */
    private Step retrySome(AbstractEventProcessor eventProcessor, String processor, UUID tenant,
                           TransactionStatus status) {
        if (!parkedTenants.lockIfParked(processor, tenant)) {
            return Step.NOT_PARKED; // caught up meanwhile by another retry (an operator's, or another instance's)
        }
        List<Long> positions = parkedTenants.positions(processor, tenant, EVENTS_AT_ONCE);
        long until = System.nanoTime() + LOCK_HELD.toNanos();
        long stored = -1;
        for (long position : positions) {
            TrackedEventMessage<?> event = read(position);
            Object savepoint = status.createSavepoint();
            ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                eventProcessor.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                status.rollbackToSavepoint(savepoint);
                parkedTenants.storedThrough(processor, tenant, stored);
                parkedTenants.recordFailedRetry(processor, tenant, position, result.exceptionResult());
                log.warn("{} still cannot store event {} at position {} of tenant {}; its events from there on stay "
                        + "parked", processor, event.getIdentifier(), position, tenant, result.exceptionResult());
                return Step.STILL_FAILING;
            }
            status.releaseSavepoint(savepoint);
            stored = position;
            if (System.nanoTime() - until > 0) {
                break;
            }
        }
        if (!parkedTenants.storedThrough(processor, tenant, stored)) {
            return Step.STORED_SOME;
        }
        log.info("{} stored the parked events of tenant {} and handles its events again", processor, tenant);
        return Step.CAUGHT_UP;
    }

    private TrackedEventMessage<?> read(long position) {
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(
                GapAwareTrackingToken.newInstance(position - 1, Collections.emptySortedSet()), false)) {
            return stream.findFirst()
                    .filter(event -> event.trackingToken().position().orElse(-1) == position)
                    .orElseThrow(() -> new IllegalStateException("No event at position " + position));
        }
    }
}
