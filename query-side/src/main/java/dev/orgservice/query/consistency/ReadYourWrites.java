package dev.orgservice.query.consistency;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.security.CurrentUser;
import dev.orgservice.platform.security.TenantAccessInterceptor;
import dev.orgservice.query.storage.TenantScopedReads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Holds a query until the projections have processed {@code minPosition} (query parameter or
 * {@code X-Min-Position} header), the position a command answered. Bounded: after the timeout the answer is a
 * 503 problem with {@code Retry-After}, never stale data presented as current. A tenant whose events a projection
 * holds back (dev.orgservice.query.parking) from a position at or before {@code minPosition} gets a 503
 * {@code read-model-parked}: the processors have passed the position, but not for that tenant.
 */
@Component
public class ReadYourWrites implements HandlerInterceptor {

    public static final String PARAMETER = "minPosition";
    public static final String HEADER = "X-Min-Position";
    private static final long POLL_MILLIS = 10;

    private final ProcessorPositions positions;
    private final TenantScopedReads reads;
    private final Duration timeout;
    /**
     * Requests that wait at once: each holds a request thread and reads the token table every 10 ms, so without a
     * bound a client could hold every thread (and keep the database busy) with positions never reached.
     */
    private final Semaphore waiting;
    private final int maxWaiting;

    public ReadYourWrites(ProcessorPositions positions, TenantScopedReads reads,
                          @Value("${org.query.min-position-timeout:5s}") Duration timeout,
                          @Value("${org.query.min-position-max-waiting:64}") int maxWaiting) {
        this.positions = positions;
        this.reads = reads;
        this.timeout = timeout;
        this.waiting = new Semaphore(maxWaiting);
        this.maxWaiting = maxWaiting;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        Long minPosition = requested(request);
        if (minPosition == null) {
            return true;
        }
        awaitProcessed(minPosition);
        Long parkedFrom = parkedFrom(request, handler);
        if (parkedFrom != null && parkedFrom <= minPosition) {
            throw new OrgException(ErrorCode.READ_MODEL_PARKED, "This tenant's read model is held at position "
                    + parkedFrom + ", an event it could not store; its events from there on wait for a retry, "
                    + "and the operators are alerted", Map.of("minPosition", minPosition, "parkedFrom", parkedFrom));
        }
        return true;
    }

    /**
     * The first position a projection holds back for the tenants this read may answer about: the path's tenant
     * (after TenantAccessInterceptor, order 0: a valid id the caller may read), else the caller's own (a tenant-bound
     * token reading by slug), else every tenant, for a platform operator's read across tenants (a tenant by slug,
     * the list of tenants). Only for endpoints that take minPosition: the list of parked tenants itself does not.
     */
    private Long parkedFrom(HttpServletRequest request, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !takesMinPosition(method)) {
            return null;
        }
        String pathTenant = TenantAccessInterceptor.pathTenant(request);
        CurrentUser caller = CurrentUser.get();
        UUID tenant = pathTenant != null ? UUID.fromString(pathTenant) : caller.tenantId();
        if (tenant != null) {
            return reads.inOneStatement(tenant, "select read_model.parked_from(?)",
                    (row, n) -> row.getObject(1, Long.class)).get(0);
        }
        return reads.acrossTenants(caller.userId(), "parked positions for minPosition", sql -> sql.getJdbcTemplate()
                .queryForObject("select min(first_position) from read_model.parked_tenant", Long.class));
    }

    private static boolean takesMinPosition(HandlerMethod method) {
        // the declared name (compiled with -parameters): Spring resolves names only when it binds the arguments
        return Arrays.stream(method.getMethod().getParameters()).anyMatch(parameter ->
                PARAMETER.equals(parameter.getName()));
    }

    private void awaitProcessed(long minPosition) throws InterruptedException {
        if (positions.allCover(minPosition)) {
            return;
        }
        if (!waiting.tryAcquire()) {
            throw new OrgException(ErrorCode.NOT_YET_CONSISTENT, "The read model has not reached position "
                    + minPosition + ", and " + maxWaiting + " reads wait for it already; retry shortly",
                    Map.of("minPosition", minPosition));
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
                if (positions.allCover(minPosition)) {
                    return;
                }
            }
        } finally {
            waiting.release();
        }
        throw new OrgException(ErrorCode.NOT_YET_CONSISTENT, "The read model has not reached position " + minPosition
                + " within " + timeout.toMillis() + " ms; retry shortly", Map.of("minPosition", minPosition));
    }

    private static Long requested(HttpServletRequest request) {
        String value = request.getParameter(PARAMETER);
        if (value == null) {
            value = request.getHeader(HEADER);
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OrgException.invalid("minPosition must be a non-negative integer", PARAMETER,
                "must be a non-negative integer");
    }
}
