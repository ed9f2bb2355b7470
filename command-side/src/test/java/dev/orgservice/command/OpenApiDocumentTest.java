package dev.orgservice.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.approval.ApprovalPurposes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.orgservice.platform.testing.OpenApiDocuments.notDateTime;
import static dev.orgservice.platform.testing.OpenApiDocuments.operations;
import static dev.orgservice.platform.testing.OpenApiDocuments.parameters;
import static dev.orgservice.platform.testing.OpenApiDocuments.pathParametersWithoutShape;
import static dev.orgservice.platform.testing.OpenApiDocuments.requestInstants;
import static dev.orgservice.platform.testing.OpenApiDocuments.undescribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What a generated client of the command side reads in /v3/api-docs: the real statuses, problem responses and
 * headers, described parameters and instants.
 */
class OpenApiDocumentTest extends CommandSideIntegrationTest {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    private JsonNode document;
    private JsonNode paths;

    @BeforeEach
    void document() {
        document = http.get("/v3/api-docs", null).json();
        paths = document.get("paths");
    }

    @Test
    void declaresTheCreatedStatusOfACreate() {
        JsonNode responses = paths.at("/~1api~1v1~1tenants~1{tenantId}~1units/post/responses");

        assertThat(responses.has("200")).isFalse();
        assertThat(responses.at("/201/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/UnitCommandResult");
        assertThat(responses.at("/201/headers/Location").isObject()).isTrue();
    }

    @Test
    void offersTheUnitAndPositionImportsAsJsonAndAsCsv() {
        JsonNode content = paths.at("/~1api~1v1~1tenants~1{tenantId}~1units~1import/post/requestBody/content");

        assertThat(content.at("/application~1json/schema/type").asText()).isEqualTo("array");
        assertThat(content.at("/text~1csv/schema/type").asText()).isEqualTo("string");
        assertThat(content.at("/text~1csv/example").asText()).startsWith("type,code,name,parentCode");
        JsonNode positions = paths.at("/~1api~1v1~1tenants~1{tenantId}~1positions~1import/post/requestBody/content");
        assertThat(positions.at("/text~1csv/example").asText()).startsWith("ref,unitCode,title,manager");
        assertThat(positions.at("/application~1json/schema/type").asText()).isEqualTo("array");
    }

    @Test
    void declaresBothAnswersOfATenantsCreate() {
        JsonNode responses = paths.at("/~1api~1v1~1tenants/post/responses");

        assertThat(responses.has("201")).isTrue();
        assertThat(responses.at("/200/description").asText()).contains("registered before");
    }

    @Test
    void declaresTheProblemsACommandMayAnswer() {
        JsonNode responses = paths.at("/~1api~1v1~1tenants~1{tenantId}~1units~1{unitId}~1move/post/responses");

        for (String status : new String[] {"409", "412", "413", "415", "422"}) {
            assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
                    .as(status).isEqualTo(PROBLEM);
        }
    }

    @Test
    void declaresAConditionalFailureOnlyWhereIfMatchIsTaken() {
        String authority = "/~1api~1v1~1tenants~1{tenantId}~1positions~1{positionId}~1approval-authority~1{purpose}";
        assertThat(paths.at(authority + "/put/responses").has("412")).as("an authority is not the position's").isFalse();
        assertThat(paths.at("/~1api~1v1~1tenants~1{tenantId}~1positions~1{positionId}~1move/post/responses")
                .has("412")).isTrue();
    }

    @Test
    void declaresARuleViolationOnlyWhereARuleOfTheDomainMayRefuse() {
        String positions = "/~1api~1v1~1tenants~1{tenantId}~1positions~1{positionId}";

        assertThat(paths.at("/~1api~1v1~1tenants~1{tenantId}~1units~1{unitId}~1move/post/responses/422/description")
                .asText()).startsWith("rule-violation").contains("64 levels");
        assertThat(paths.at("/~1api~1v1~1tenants~1{tenantId}~1activate/post/responses").has("422"))
                .as("a transition is refused with 409").isFalse();
        assertThat(paths.at(positions + "~1holder/delete/responses").has("422")).isFalse();
        assertThat(paths.at(positions + "~1approval-authority~1{purpose}/put/responses").has("422")).isFalse();
    }

    @Test
    void declaresAReusedIdempotencyKeyWhereOneIsTaken() {
        Map<String, JsonNode> operations = operations(document);
        Set<String> parameters = parameters(document).keySet();
        String create = "POST /api/v1/tenants/{tenantId}/units";

        assertThat(operations.keySet().stream().filter(where -> parameters.contains(where + " header:Idempotency-Key")))
                .hasSize(6).allSatisfy(where -> assertThat(operations.get(where).at("/responses/422/description")
                        .asText()).as(where).contains("idempotency-key-reused"));
        assertThat(operations.get(create).at("/responses/422/description").asText()).as("both kinds")
                .contains("rule-violation", "maxUnits", "idempotency-key-reused");
        assertThat(operations.keySet().stream().filter(where -> parameters.contains(where + " header:Idempotency-Key")))
                .allSatisfy(where -> assertThat(operations.get(where)
                        .at("/responses/201/headers/Idempotent-Replayed/description").asText()).as(where)
                        .contains("same Idempotency-Key"));
        assertThat(operations.get("POST /api/v1/tenants").at("/responses/201/headers/Idempotent-Replayed")
                .isMissingNode()).as("a tenant's create is idempotent by its own id").isTrue();
    }

    @Test
    void declaresTheETagOfEveryAnswerWithARevision() {
        String units = "/~1api~1v1~1tenants~1{tenantId}~1units/post/responses/201";
        String positions = "/~1api~1v1~1tenants~1{tenantId}~1positions/post/responses/201";
        String authority = "/~1api~1v1~1tenants~1{tenantId}~1positions~1{positionId}~1approval-authority~1{purpose}";

        Map<String, JsonNode> operations = operations(document);
        Set<String> parameters = parameters(document).keySet();

        assertThat(operations.keySet().stream().filter(where -> parameters.contains(where + " header:If-Match")))
                .isNotEmpty().allSatisfy(where -> assertThat(operations.get(where)
                        .at("/responses/200/headers/ETag/description").asText()).as(where).contains("If-Match"));
        assertThat(paths.at(units + "/headers/ETag").isObject()).as("a unit's create").isTrue();
        assertThat(paths.at(positions + "/headers/ETag").isObject()).as("a position's create").isTrue();
        assertThat(paths.at(authority + "/put/responses/200/headers/ETag").isMissingNode())
                .as("an authority leaves the position's revision alone").isTrue();
        assertThat(paths.at("/~1api~1v1~1tenants/post/responses/201/headers/ETag").isMissingNode())
                .as("a tenant's create answers no revision").isTrue();
    }

    @Test
    void describesAnEffectiveTimeAsAnInstantOrADate() {
        JsonNode effectiveFrom = parameter(
                paths.at("/~1api~1v1~1tenants~1{tenantId}~1positions~1{positionId}~1holder/delete"), "effectiveFrom");

        assertThat(effectiveFrom.get("description").asText()).contains("a date YYYY-MM-DD");
        assertThat(effectiveFrom.at("/schema/type").asText()).isEqualTo("string");
        assertThat(effectiveFrom.at("/schema/format").isMissingNode()).isTrue();
    }

    @Test
    void declaresEveryInstantOfABodyAsADateTimeThatTakesADateToo() {
        Map<String, JsonNode> instants = requestInstants(document, handlers.getHandlerMethods().values());

        assertThat(notDateTime(instants)).isEmpty();
        assertThat(instants).hasSizeGreaterThan(10).allSatisfy((where, property) ->
                assertThat(property.path("description").asText()).as(where).contains("a date YYYY-MM-DD"));
        assertThat(instants.get("MoveRequest.effectiveFrom").get("description").asText()).contains("takes effect");
        assertThat(instants.get("HolderRequest.to").get("description").asText()).startsWith("Either");
    }

    @Test
    void givesEveryInstantOfABodyAnExampleItsDateTimeFormatTakes() {
        Map<String, JsonNode> instants = requestInstants(document, handlers.getHandlerMethods().values());

        instants.forEach((where, property) -> {
            String record = where.substring(0, where.indexOf('.'));
            String field = where.substring(where.indexOf('.') + 1);
            for (JsonNode example : List.of(property.path("example"),
                    document.at("/components/schemas/" + record + "/example/" + field))) {
                if (!example.isMissingNode()) {
                    assertThatCode(() -> Instant.parse(example.asText())).as(where).doesNotThrowAnyException();
                }
            }
        });
        assertThat(instants.get("MoveRequest.effectiveFrom").path("example").asText()).isNotEmpty();
        assertThat(document.at("/components/schemas/DelegationRequest/example/validFrom").asText()).isNotEmpty();
    }

    @Test
    void describesTheConditionAndIdempotencyHeadersOnce() {
        JsonNode create = paths.at("/~1api~1v1~1tenants~1{tenantId}~1positions/post");
        JsonNode move = paths.at("/~1api~1v1~1tenants~1{tenantId}~1positions~1{positionId}~1move/post");
        JsonNode activate = paths.at("/~1api~1v1~1tenants~1{tenantId}~1activate/post");

        assertThat(parameter(create, "Idempotency-Key").get("description").asText()).contains("422");
        assertThat(parameter(move, "If-Match").get("description").asText()).contains("412 precondition-failed");
        assertThat(parameter(activate, "If-Match").get("description").asText()).contains("412 precondition-failed");
    }

    @Test
    void describesEveryParameter() {
        assertThat(undescribed(parameters(document))).isEmpty();
    }

    @Test
    void givesEveryIdInAPathTheShapeTheServiceChecks() {
        JsonNode purpose = parameter(paths.at("/~1api~1v1~1tenants~1{tenantId}~1approval-policies~1{purpose}/put"),
                "purpose");
        JsonNode key = parameter(paths.at("/~1api~1v1~1tenants~1{tenantId}~1features~1{key}/put"), "key");

        assertThat(pathParametersWithoutShape(document)).isEmpty();
        assertThat(purpose.at("/schema/pattern").asText()).as("checked in code, not by an annotation")
                .isEqualTo(ApprovalPurposes.PATTERN);
        assertThat(key.at("/schema/pattern").isMissingNode()).as("the plan's catalog decides, not a shape").isTrue();
    }

    @Test
    void leavesTheErrorPageOut() {
        assertThat(paths.has("/error")).isFalse();
    }

    static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }
}
