package dev.orgservice.query.parking;

import dev.orgservice.query.QuerySideIntegrationTest;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With several segments, a tracking processor retries each segment's failed batch on that segment's thread: another
 * segment committing a batch meanwhile must not turn the failed one's event-by-event retry off, or the failing event
 * would fail its whole batch again and never be parked.
 */
class TenantParkingSegmentsTest extends QuerySideIntegrationTest {

    @Autowired
    private ParkedTenants parkedTenants;

    @Autowired
    private JdbcTemplate projector;

    @Test
    void anotherSegmentsCommitDoesNotEndAFailedSegmentsEventByEventRetry() throws Exception {
        TenantParking parking = new TenantParking("segments-test", parkedTenants, projector);
        ExecutorService failing = Executors.newSingleThreadExecutor();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            run(failing, () -> assertThatThrownBy(() -> parking.handleError(new ErrorContext("segments-test",
                    new IllegalStateException("a batch failed"), List.of()))).hasMessage("a batch failed"));
            assertThat(on(other, () -> batch(parking))).as("a segment that did not fail runs as usual").isFalse();
            assertThat(on(failing, () -> batch(parking))).as("the failed segment's retry").isTrue();
            assertThat(on(failing, () -> batch(parking))).as("after the retry committed").isFalse();
        } finally {
            failing.shutdownNow();
            other.shutdownNow();
        }
    }

    /** Handles one event in a committed batch; answers whether it ran event by event. */
    private boolean batch(TenantParking parking) {
        TransactionTemplate transaction =
                new TransactionTemplate(new DataSourceTransactionManager(projector.getDataSource()));
        return transaction.execute(status -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("no tenant"));
            try {
                @SuppressWarnings("unchecked")
                boolean eventByEvent = (Boolean) parking.handle(
                        (UnitOfWork<EventMessage<?>>) unitOfWork,
                        TenantParking::eventByEvent);
                unitOfWork.commit();
                return eventByEvent;
            } catch (Exception e) {
                unitOfWork.rollback(e);
                throw new IllegalStateException(e);
            }
        });
    }

    private static <T> T on(ExecutorService thread, Callable<T> work) throws Exception {
        return thread.submit(work).get();
    }

    private static void run(ExecutorService thread, Runnable work) throws Exception {
        CompletableFuture.runAsync(work, thread).get();
    }
}
