package dev.orgservice.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.DatabaseBusy;
import dev.orgservice.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Runs before security so that every response, a 401 included, carries the correlation id and every log
 * line of the request has it in the MDC. A failure that escapes the filters after it (the controllers' own are
 * {@code ProblemAdvice}'s) is logged here, with the id, and answered as a problem: {@code 503} with
 * {@code Retry-After} when the database did not answer in time or the identity provider's keys could not be read
 * yet (the decoder is made on the first token), else {@code 500}. Left to the container, it was logged after the id
 * had left the log context and answered 500 either way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);

    private final ObjectMapper json;

    public CorrelationIdFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = CorrelationId.acceptOrGenerate(request.getHeader(CorrelationId.HEADER));
        MDC.put(CorrelationId.MDC_KEY, correlationId);
        response.setHeader(CorrelationId.HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            answer(request, response, e);
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    private static boolean identityProviderUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtDecoderInitializationException) {
                return true;
            }
        }
        return false;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        boolean busy = DatabaseBusy.causes(e) || identityProviderUnreachable(e);
        if (busy) {
            log.warn("Not answered in time on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        } else {
            log.error("Unexpected failure outside the controllers on {} {}", request.getMethod(),
                    request.getRequestURI(), e);
        }
        ProblemDetail problem = busy ? Problems.unavailable(request.getRequestURI()) : Problems.of(ErrorCode.INTERNAL,
                "An unexpected error occurred; quote the correlation id", request.getRequestURI());
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (busy) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Problems.UNAVAILABLE_RETRY_AFTER);
        }
        SecurityHeaders.addTo(response);
        json.writeValue(response.getOutputStream(), problem);
    }
}
