package dev.orgservice.query.consistency;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Holds a query until the projections have processed {@code minPosition} (query parameter or
 * {@code X-Min-Position} header), the position a command answered. Bounded: after the timeout the answer is a
 * 503 problem with {@code Retry-After}, never stale data presented as current.
 */
@Component
public class ReadYourWrites implements HandlerInterceptor {

    public static final String PARAMETER = "minPosition";
    public static final String HEADER = "X-Min-Position";
    private static final long POLL_MILLIS = 10;

    private final ProcessorPositions positions;
    private final Duration timeout;

    public ReadYourWrites(ProcessorPositions positions,
                          @Value("${org.query.min-position-timeout:5s}") Duration timeout) {
        this.positions = positions;
        this.timeout = timeout;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        Long minPosition = requested(request);
        if (minPosition == null || positions.allCover(minPosition)) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            if (positions.allCover(minPosition)) {
                return true;
            }
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
        throw new OrgException(ErrorCode.VALIDATION, "minPosition must be a non-negative integer",
                Map.of("errors", List.of(new Problems.FieldError(PARAMETER, "must be a non-negative integer"))));
    }
}
