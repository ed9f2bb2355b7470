package dev.orgservice.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.tenant.TenantSlugs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;

import static dev.orgservice.platform.testing.OpenApiDocuments.notDateTime;
import static dev.orgservice.platform.testing.OpenApiDocuments.operations;
import static dev.orgservice.platform.testing.OpenApiDocuments.parameters;
import static dev.orgservice.platform.testing.OpenApiDocuments.pathParametersWithoutShape;
import static dev.orgservice.platform.testing.OpenApiDocuments.responseInstants;
import static dev.orgservice.platform.testing.OpenApiDocuments.undescribed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a generated client of the query side reads in /v3/api-docs: named lists, described parameters, the problem
 * responses and the instants of the views.
 */
class OpenApiDocumentTest extends QuerySideIntegrationTest {

    private static final String ANCESTORS = "/~1api~1v1~1tenants~1{tenantId}~1units~1{unitId}~1ancestors/get";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    private JsonNode document;

    @BeforeEach
    void document() {
        document = http.get("/v3/api-docs", null).json();
    }

    @Test
    void namesTheItemsOfACompleteList() {
        String ref = document.at("/paths" + ANCESTORS + "/responses/200/content/application~1json/schema/$ref").asText();
        JsonNode schema = document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));

        assertThat(schema.at("/properties/items/type").asText()).isEqualTo("array");
        assertThat(schema.at("/properties/items/items/$ref").asText()).isEqualTo("#/components/schemas/UnitSummaryView");
        assertThat(schema.has("additionalProperties")).isFalse();
    }

    @Test
    void describesAsOfAsAnInstantOrADate() {
        JsonNode asOf = parameter("asOf");

        assertThat(asOf.get("description").asText()).contains("default now", "00:00 UTC");
        assertThat(asOf.at("/schema/type").asText()).isEqualTo("string");
        assertThat(asOf.at("/schema/format").isMissingNode()).isTrue();
    }

    @Test
    void declaresEveryInstantOfAnAnswerAsADateTime() {
        Map<String, JsonNode> instants = responseInstants(document, handlers.getHandlerMethods().values());

        assertThat(instants).containsKeys("UnitView.asOf", "DelegationView.validTo", "ParkedTenantView.parkedAt");
        assertThat(notDateTime(instants)).isEmpty();
    }

    @Test
    void offersMinPositionAlsoAsTheHeader() {
        assertThat(parameter("minPosition").get("description").asText()).contains("not-yet-consistent");
        assertThat(parameter("X-Min-Position").get("in").asText()).isEqualTo("header");
        for (String name : new String[]{"minPosition", "X-Min-Position"}) {
            assertThat(parameter(name).at("/schema/format").asText()).as(name).isEqualTo("int64");
            assertThat(parameter(name).at("/schema/minimum").asInt(-1)).as(name).isZero();
        }
    }

    @Test
    void declaresTheProblemsAnApprovalChainMayAnswer() {
        JsonNode responses = document.at("/paths/~1api~1v1~1tenants~1{tenantId}~1approval-chain/get/responses");

        assertThat(responses.at("/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ApprovalChainView");
        assertThat(responses.at("/422/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(responses.has("409")).isFalse();
    }

    @Test
    void declaresA422OnlyOnTheApprovalChain() {
        assertThat(operations(document).entrySet().stream().filter(operation -> operation.getValue().at("/responses")
                .has("422")).map(Map.Entry::getKey)).containsExactly("GET /api/v1/tenants/{tenantId}/approval-chain");
    }

    @Test
    void declaresTheConflictOfARetryOfParkedEvents() {
        assertThat(document.at("/paths/~1api~1v1~1projections~1parked-tenants~1retry/post/responses/409/content"
                + "/application~1problem+json/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void describesEveryParameter() {
        assertThat(undescribed(parameters(document))).isEmpty();
    }

    @Test
    void givesEveryIdInAPathTheShapeTheServiceChecks() {
        var parameters = parameters(document);

        assertThat(pathParametersWithoutShape(document)).isEmpty();
        assertThat(parameters.get("GET /api/v1/tenants/by-slug/{slug} path:slug").at("/schema/pattern").asText())
                .as("the shape a tenant is registered with").isEqualTo(TenantSlugs.PATTERN);
        assertThat(parameters.get("GET /api/v1/tenants/{tenantId}/features/{key} path:key").at("/schema/pattern")
                .isMissingNode()).as("the plan's catalog decides, not a shape").isTrue();
    }

    @Test
    void declaresNoETag() {
        // a view's revision is in its body: its path and holders change without it (docs/api.md, conditional changes)
        operations(document).forEach((where, operation) -> operation.get("responses").forEach(response ->
                assertThat(response.path("headers").has("ETag")).as(where).isFalse()));
    }

    private JsonNode parameter(String name) {
        for (JsonNode parameter : document.at("/paths" + ANCESTORS + "/parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }
}
