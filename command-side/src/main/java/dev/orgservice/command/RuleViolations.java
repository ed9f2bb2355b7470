package dev.orgservice.command;

import dev.orgservice.platform.web.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The commands a rule of the domain may refuse with {@code 422 rule-violation} (docs/api.md#errors), and which rules.
 * Which command a handler sends, and which rules that command's handler checks, is more than springdoc can see, so
 * they are listed here; every other command is refused by state (409), not by a rule (and an Idempotency-Key's 422
 * is ProblemResponses').
 */
@Component
class RuleViolations implements OpenApiCustomizer {

    private static final String TENANT = "/api/v1/tenants/{tenantId}";
    private static final String PARENT = "a parent type the matrix does not allow (or a root that is not a legal "
            + "entity)";
    private static final String DEPTH = "a unit more than 64 levels below its root at some date";
    private static final String DETAILS = "details: a costCenterId/profitCenterId naming a unit of another type or "
            + "set on a unit that is not a department, a center's validTo not after the unit's effectiveFrom";
    /** An import checks every row, then refuses them all at once, whatever each row's own problem type. */
    private static final String ROWS = " (errors: [{row, type, field, message}]; nothing is imported)";

    private static final Map<String, String> RULES = Map.of(
            "POST " + TENANT + "/units", String.join("; ", PARENT, DEPTH, "the plan's maxUnits", DETAILS),
            "POST " + TENANT + "/units/import", "the plan's maxUnits; rows with a duplicate code, an unknown, "
                    + "refused or inactive parent, a parent type the matrix does not allow, more than 64 levels or "
                    + "invalid details" + ROWS,
            "PATCH " + TENANT + "/units/{unitId}", DETAILS,
            "POST " + TENANT + "/units/{unitId}/move", PARENT + "; " + DEPTH,
            "POST " + TENANT + "/positions", "the plan's maxPositions",
            "POST " + TENANT + "/positions/import", "the plan's maxPositions; rows with no active unit, a holder "
                    + "while the unit closes, a line to itself, to no position or to a closed one, or a loop of lines"
                    + ROWS,
            "PATCH " + TENANT + "/configuration", "more than 100 settings (maxSettings)",
            "POST " + TENANT + "/delegations", "a delegation to oneself, one starting more than 30 days ago, or a "
                    + "chain of more than 3 delegations (rule)",
            "POST " + TENANT + "/approval-authorities/import", "rows naming an unknown position" + ROWS);

    @Override
    public void customise(OpenAPI api) {
        RULES.forEach((operation, rules) -> {
            String[] methodAndPath = operation.split(" ");
            var responses = api.getPaths().get(methodAndPath[1]).readOperationsMap()
                    .get(PathItem.HttpMethod.valueOf(methodAndPath[0])).getResponses();
            ProblemResponses.declare(responses, "422", "rule-violation: " + rules);
        });
    }
}
