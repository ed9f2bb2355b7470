package dev.orgservice.platform.problem;

import dev.orgservice.api.error.ErrorCode;
import org.axonframework.common.AxonNonTransientException;

import java.util.List;
import java.util.Map;

/**
 * The one way to report a broken rule, from an aggregate, a policy or a query. It maps to exactly one
 * RFC 9457 problem type ({@link ErrorCode}); {@code properties} become extra members of the problem.
 * Non-transient, so Axon never retries a command that a rule refused.
 */
public class OrgException extends AxonNonTransientException {

    private final ErrorCode code;
    private final transient Map<String, Object> properties;

    public OrgException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public OrgException(ErrorCode code, String detail, Map<String, Object> properties) {
        super(detail);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public static OrgException notFound(String what) {
        return new OrgException(ErrorCode.NOT_FOUND, what + " does not exist");
    }

    /** A {@code 400 validation} problem about one field (or parameter, or header), in the problem's errors list. */
    public static OrgException invalid(String detail, String field, String message) {
        return new OrgException(ErrorCode.VALIDATION, detail,
                Map.of("errors", List.of(new Problems.FieldError(field, message))));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
