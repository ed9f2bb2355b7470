package dev.orgservice.platform.problem;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.web.CorrelationId;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.net.URI;
import java.util.List;

/** Builds the problem documents of the API, so every error carries the same members. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatus(code.status());
        problem.setType(code.type());
        problem.setTitle(code.title());
        problem.setDetail(detail);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /** The {@code Retry-After} (seconds) of {@link #unavailable}. */
    public static final String UNAVAILABLE_RETRY_AFTER = "2";

    /** A service this one needs did not answer in time, and nothing was done: the client may send it again. */
    public static ProblemDetail unavailable(String path) {
        return of(ErrorCode.UNAVAILABLE, "A service this one needs (the database, the identity provider) did not "
                + "answer in time; try again shortly", path);
    }

    public static ProblemDetail of(OrgException e, String path) {
        ProblemDetail problem = of(e.code(), e.getMessage(), path);
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail validation(String detail, List<FieldError> errors, String path) {
        ProblemDetail problem = of(ErrorCode.VALIDATION, detail, path);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * What Spring Security's firewall refused: the URL (an encoded or doubled '/', an encoded '.' or '%', a ';', a
     * '..' segment) or a method it does not know ({@code PROPFIND}: 405), checked before any filter, or a header,
     * judged when it is read. Its message names what was refused, but a header's would repeat the value, so a header
     * gets a fixed text.
     */
    public static ProblemDetail rejected(RequestRejectedException e, String path) {
        String reason = String.valueOf(e.getMessage());
        if (reason.contains("HTTP method")) {
            return of(ErrorCode.METHOD_NOT_ALLOWED, "The HTTP method is not allowed here", path);
        }
        return reason.contains("header")
                ? validation("The request has a header value that is not allowed (a control character)",
                        List.of(new FieldError("headers", "a control character in a header value")), path)
                : validation("The request URL is not allowed", List.of(new FieldError("url", reason)), path);
    }

    /** One entry of a validation problem's {@code errors} array. */
    public record FieldError(String field, String message) {
    }
}
