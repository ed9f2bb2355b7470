package dev.orgservice.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The problem responses of each operation, told from what its handler takes, so that a generated client has a typed
 * error for each (docs/api.md#errors). A status only some operations of a kind answer is declared on the handler with
 * {@code @ApiResponse(responseCode = ...)} (the 422 of an approval chain), or, where a service has a table of them
 * (the commands a domain rule may refuse), with {@link #declare}; every error answer is a problem.
 */
public class ProblemResponses implements OperationCustomizer {

    private record Rule(String status, String description, Predicate<HandlerMethod> applies) {

        static Rule always(String status, String description) {
            return new Rule(status, description, handler -> true);
        }
    }

    private static final List<Rule> RULES = List.of(
            Rule.always("400", "Invalid request (validation)"),
            Rule.always("401", "Missing, expired or invalid token"),
            Rule.always("403", "The caller's roles do not allow this"),
            Rule.always("404", "Not found for this tenant (other tenants' resources included)"),
            new Rule("409", "Refused by the current state (e.g. illegal-transition, duplicate, cycle), or "
                    + "concurrent-change: read again and retry",
                    handler -> !handler.hasMethodAnnotation(GetMapping.class)),
            new Rule("412", "precondition-failed: If-Match names a revision the resource is no longer at",
                    handler -> takesHeader(handler, "If-Match")),
            new Rule("413", "payload-too-large: the body is over the limit (256 KiB, 8 MiB for an import)",
                    ProblemResponses::takesBody),
            new Rule("415", "unsupported-media-type: the body is not application/json (or text/csv, which the unit "
                    + "and position imports take too)", ProblemResponses::takesBody),
            new Rule("422", "idempotency-key-reused: the Idempotency-Key came before with another request",
                    handler -> takesHeader(handler, "Idempotency-Key")),
            Rule.always("429", "Rate limit exceeded; see Retry-After"),
            Rule.always("503", "minPosition not reached in time or parked (query side), or the database did not "
                    + "answer in time; see Retry-After"));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses();
        RULES.stream().filter(rule -> rule.applies().test(handler))
                .forEach(rule -> responses.putIfAbsent(rule.status(), new ApiResponse().description(rule.description())));
        responses.forEach((status, response) -> {
            if (status.matches("[45]\\d\\d")) {
                response.content(problem());
            }
        });
        sortByStatus(responses);
        return operation;
    }

    /** One more problem an operation may answer, with any the rules above declared for its status. */
    public static void declare(ApiResponses responses, String status, String description) {
        ApiResponse declared = responses.get(status);
        responses.put(status, declared == null ? new ApiResponse().description(description).content(problem())
                : declared.description(description + "; or " + declared.getDescription()));
        sortByStatus(responses);
    }

    private static void sortByStatus(ApiResponses responses) {
        var byStatus = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(byStatus);
    }

    private static Content problem() {
        return new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }

    private static boolean takesBody(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }

    private static boolean takesHeader(HandlerMethod handler, String name) {
        return Arrays.stream(handler.getMethodParameters()).map(ProblemResponses::headerName)
                .anyMatch(name::equalsIgnoreCase);
    }

    private static String headerName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        return header == null ? "" : header.name().isEmpty() ? header.value() : header.name();
    }
}
