package dev.orgservice.platform.problem;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.web.CorrelationId;
import org.springframework.http.ProblemDetail;

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

    /** One entry of a validation problem's {@code errors} array. */
    public record FieldError(String field, String message) {
    }
}
