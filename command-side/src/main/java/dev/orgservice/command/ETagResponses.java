package dev.orgservice.command;

import dev.orgservice.command.revision.IfMatch;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/**
 * The {@code ETag} of the answers that carry a revision (docs/api.md#conditional-changes-if-match), which springdoc
 * cannot see in a {@code ResponseEntity}: a command that takes {@code If-Match} answers the revision the next one
 * compares, and the creates of a unit and a position answer their first ({@link CreateResponses}). A position's
 * approval authority takes no If-Match and answers none.
 */
@Component
class ETagResponses implements OperationCustomizer {

    static final String NAME = "ETag";

    static Header header() {
        return new Header().description("The revision the unit, position or tenant is at after the command (the "
                + "body's revision) as a strong entity tag, e.g. \"7\": send it back in If-Match to make the next "
                + "change only if nobody has made one since.").schema(new StringSchema().example("\"7\""));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (takesIfMatch(operation.getParameters())) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(NAME, header());
                }
            });
        }
        return operation;
    }

    private static boolean takesIfMatch(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(parameter -> "header".equals(parameter.getIn())
                && IfMatch.HEADER.equalsIgnoreCase(parameter.getName()));
    }
}
