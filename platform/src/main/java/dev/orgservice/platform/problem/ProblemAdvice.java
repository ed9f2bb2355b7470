package dev.orgservice.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.web.BodyTooLargeException;
import dev.orgservice.platform.web.StorableText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure into an RFC 9457 problem with a stable type; nothing else in the code writes errors. */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    /** What an instant in a body takes (docs/api.md, "Date or instant"). */
    private static final String INSTANT_EXPECTED = "an ISO-8601 instant or a date YYYY-MM-DD, as text (not a number), "
            + "in the years 0001 to 9999";

    @ExceptionHandler(OrgException.class)
    ResponseEntity<Object> rule(OrgException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e, request.getRequestURI());
        String retryAfter = switch (e.code()) {
            case NOT_YET_CONSISTENT -> "1";
            case UNAVAILABLE -> Problems.UNAVAILABLE_RETRY_AFTER; // a busy tree, for instance
            default -> null;
        };
        if (retryAfter != null) {
            return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(Problems.of(ErrorCode.FORBIDDEN, "Your roles do not allow this operation", request.getRequestURI()));
    }

    /** Also the creation of an aggregate whose first event another instance appended meanwhile (Axon's own type). */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrent(Exception e, HttpServletRequest request) {
        return respond(Problems.of(ErrorCode.CONCURRENT_CHANGE,
                "Someone else changed this at the same time; read again and retry", request.getRequestURI()));
    }

    /** Spring Security's firewall judges a header when it is read, which may be in a controller: a bad request. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, HttpServletRequest request) {
        return respond(Problems.rejected(e, request.getRequestURI()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateMissing(AggregateNotFoundException e, HttpServletRequest request) {
        return respond(Problems.of(ErrorCode.NOT_FOUND, "The resource does not exist", request.getRequestURI()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(Problems.validation("The request is invalid", errors, request.getRequestURI()));
    }

    /**
     * Last resort: a failure we did not foresee. Logged with its stack, answered without it. A database that did not
     * answer in time (the statement timeout, a lock, no free connection, a lost connection) is {@code 503 unavailable}
     * with {@code Retry-After}, not a server error: the request may succeed when tried again.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof OrgException rule) {
                return rule(rule, request);
            }
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return concurrent((Exception) cause, request);
            }
        }
        if (DatabaseBusy.causes(e)) {
            log.warn("Database busy on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            ProblemDetail problem = Problems.unavailable(request.getRequestURI());
            return ResponseEntity.status(problem.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, Problems.UNAVAILABLE_RETRY_AFTER)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(ErrorCode.INTERNAL, "An unexpected error occurred; quote the correlation id",
                request.getRequestURI()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problems.FieldError(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g ->
                errors.add(new Problems.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return respond(Problems.validation("The request body is invalid", errors, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new Problems.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return respond(Problems.validation("The request parameters are invalid", errors, path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof BodyTooLargeException tooLarge) {
            return respond(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), path(request)));
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mismatch instanceof InvalidFormatException invalid
                    ? invalid.getValue() instanceof String text && !StorableText.isStorable(text) ? StorableText.REFUSAL
                    : "invalid value '" + invalid.getValue() + "'" + (invalid.getTargetType() == Instant.class
                    ? ": " + INSTANT_EXPECTED : "")
                    : mismatch instanceof UnrecognizedPropertyException ? "not a field of this request" : "wrong type";
            return respond(Problems.validation("The request body is invalid",
                    List.of(new Problems.FieldError(field, message)), path(request)));
        }
        if (e.getCause() instanceof JsonParseException parse && parse.getProcessor() != null
                && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field")) {
            return respond(Problems.validation("The request body is invalid",
                    List.of(new Problems.FieldError(fieldAt(parse.getProcessor()), "given more than once")),
                    path(request)));
        }
        return respond(Problems.validation("The request body is not well-formed JSON",
                List.of(new Problems.FieldError("body", "malformed or missing JSON")), path(request)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return respond(Problems.validation("The request parameters are invalid",
                List.of(new Problems.FieldError(e.getParameterName(), "is required")), path(request)));
    }

    /** The parser's position as the API names fields: {@code steps[0].kind} for {@code /steps/0/kind}. */
    private static String fieldAt(JsonParser parser) {
        return parser.getParsingContext().pathAsPointer().toString().substring(1)
                .replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    /** Every other Spring MVC exception (404 route, 405, 415, type mismatch...) keeps its status and gets our type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ErrorCode code = codeFor(status);
        ProblemDetail spring = body instanceof ProblemDetail given ? given
                : e instanceof ErrorResponse response ? response.getBody() : null;
        // Spring's own detail says what was wrong ("Content-Type 'text/plain' is not supported."), but for an unknown
        // route it speaks of a static resource
        String detail = e instanceof NoResourceFoundException ? "There is no endpoint at this path"
                : spring != null && spring.getDetail() != null ? spring.getDetail() : code.title();
        ProblemDetail problem = Problems.of(code, detail, path(request));
        return ResponseEntity.status(status).headers(withoutContentType(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ErrorCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ErrorCode.VALIDATION;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 412 -> ErrorCode.PRECONDITION_FAILED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status.is4xxClientError() ? ErrorCode.VALIDATION : ErrorCode.INTERNAL;
        };
    }

    private static HttpHeaders withoutContentType(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        if (headers != null) {
            copy.putAll(headers);
        }
        copy.remove(HttpHeaders.CONTENT_TYPE);
        return copy;
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

}
