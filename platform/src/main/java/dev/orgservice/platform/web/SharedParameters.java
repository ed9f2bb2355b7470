package dev.orgservice.platform.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The parameters and headers many endpoints take ({@code If-Match}, {@code Idempotency-Key}), described once in the
 * words of docs/api.md, and the {@code X-Min-Position} header that the query side reads wherever {@code minPosition}
 * is taken (an interceptor reads it, not the handler). A handler's own {@code @Parameter(description = ...)} wins.
 */
public class SharedParameters implements OperationCustomizer {

    private static final String INSTANT_OR_DATE = "an ISO-8601 instant (2027-01-31T08:00:00Z) or a date YYYY-MM-DD, "
            + "which means 00:00 UTC of that day; in the years 0001 to 9999";

    private static final String MIN_POSITION = "Read your writes: the `position` a command answered. The request "
            + "waits until every projection of the query side has processed it; not reached within the timeout "
            + "(default 5 s) it is 503 not-yet-consistent with Retry-After, and 503 read-model-parked if a projection "
            + "holds back this tenant's events from that position or before. A non-negative integer.";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "asOf", "The time to answer as of, default now: " + INSTANT_OR_DATE + ".",
            "effectiveFrom", "When the change takes effect, default now (past or future): " + INSTANT_OR_DATE + ".",
            "page", "The page, from 0.",
            "size", "Items per page, at least 1; the default and the maximum are this list's (see the schema).",
            "minPosition", MIN_POSITION + " Also as the X-Min-Position header; the parameter wins if both are given.",
            "depth", "How many levels below the unit to answer: 0 (the unit alone) to 64.",
            "indirect", "false: the direct reports; true: everyone below the position, breadth first.");

    private static final Map<String, String> HEADER_DESCRIPTIONS = Map.of(
            "If-Match", "The revision of the unit, position or tenant as read (\"7\", from its `revision` or a "
                    + "command's ETag; a list of them, or *): the change is refused with 412 precondition-failed if it "
                    + "changed since. Absent or *: no condition.",
            "Idempotency-Key", "A key unique to this create (e.g. a UUID). Sent again with the same key and request "
                    + "within the retention (24 h), it is answered with the first answer's ids (header "
                    + "Idempotent-Replayed: true) and nothing is created twice; the same key with another request is "
                    + "422 idempotency-key-reused.");

    /** What an instant in a request takes, named {@code name}: when, if the name says, and either form. */
    static String instantOrDate(String name) {
        return INSTANT_OR_DATE_PARAMETERS.contains(name) ? DESCRIPTIONS.get(name) : "Either " + INSTANT_OR_DATE + ".";
    }

    /** Typed Instant, these accept a date too, so their schema is a string of either form, not a date-time. */
    private static final Set<String> INSTANT_OR_DATE_PARAMETERS = Set.of("asOf", "effectiveFrom");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return operation;
        }
        boolean takesMinPosition = false;
        for (Parameter parameter : operation.getParameters()) {
            if ("header".equals(parameter.getIn()) && parameter.getDescription() == null) {
                parameter.setDescription(HEADER_DESCRIPTIONS.get(parameter.getName()));
            }
            if (!"query".equals(parameter.getIn())) {
                continue;
            }
            if (parameter.getDescription() == null) {
                parameter.setDescription(DESCRIPTIONS.get(parameter.getName()));
            }
            if (INSTANT_OR_DATE_PARAMETERS.contains(parameter.getName())) {
                parameter.setSchema(new StringSchema().example("2027-01-31"));
            }
            if ("minPosition".equals(parameter.getName())) {
                parameter.setSchema(position()); // a schema of its own: the one springdoc made may be shared
                takesMinPosition = true;
            }
        }
        if (takesMinPosition) {
            operation.addParametersItem(new HeaderParameter().name("X-Min-Position").required(false)
                    .description(MIN_POSITION + " The minPosition query parameter wins if both are given.")
                    .schema(position()));
        }
        return operation;
    }

    private static IntegerSchema position() {
        return (IntegerSchema) new IntegerSchema().format("int64").minimum(BigDecimal.ZERO);
    }
}
