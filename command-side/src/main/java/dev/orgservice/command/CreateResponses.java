package dev.orgservice.command;

import dev.orgservice.command.idempotency.IdempotencyKeys;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The success status of the creates (docs/api.md#command-results-and-status-codes). springdoc cannot see the
 * {@code 201} inside a {@code ResponseEntity} and declares {@code 200}; every other command answers {@code 200}.
 */
@Component
class CreateResponses implements OpenApiCustomizer {

    /** {@code replayable}: takes an Idempotency-Key, so a retry may be answered with the first answer. */
    private record Create(String description, boolean location, boolean etag, boolean replayable) {

        Map<String, Header> headers() {
            Map<String, Header> headers = new LinkedHashMap<>();
            if (location) {
                headers.put("Location", new Header().description("The path of the new resource")
                        .schema(new StringSchema()));
            }
            if (etag) {
                headers.put(ETagResponses.NAME, ETagResponses.header());
            }
            if (replayable) {
                headers.put(IdempotencyKeys.REPLAYED_HEADER, new Header().description("true when this is the first "
                        + "answer again, for a retry with the same Idempotency-Key (nothing new recorded); absent "
                        + "otherwise").schema(new StringSchema()._enum(List.of("true"))));
            }
            return headers.isEmpty() ? null : headers;
        }
    }

    private static final String TENANTS = "/api/v1/tenants";
    private static final String REPLAY = " Sent again with its Idempotency-Key: the first answer, with "
            + "Idempotent-Replayed: true.";

    private static final Map<String, Create> CREATES = Map.of(
            TENANTS, new Create("Registered (PROVISIONING)", true, false, false),
            TENANTS + "/{tenantId}/units", new Create("Created, with the unit's ETag." + REPLAY, true, true, true),
            TENANTS + "/{tenantId}/units/import", new Create("Imported: the new units' ids." + REPLAY, false, false,
                    true),
            TENANTS + "/{tenantId}/positions", new Create("Created, with the position's ETag." + REPLAY, true, true,
                    true),
            TENANTS + "/{tenantId}/positions/import", new Create("Imported: the new positions' ids." + REPLAY, false,
                    false, true),
            TENANTS + "/{tenantId}/delegations", new Create("Granted." + REPLAY, true, false, true),
            TENANTS + "/{tenantId}/approval-authorities/import", new Create("Imported." + REPLAY, false, false, true));

    @Override
    public void customise(OpenAPI api) {
        CREATES.forEach((path, create) -> {
            var post = api.getPaths().get(path).getPost();
            ApiResponse ok = post.getResponses().remove("200");
            var responses = new ApiResponses();
            responses.addApiResponse("201", new ApiResponse().description(create.description())
                    .content(ok.getContent()).headers(create.headers()));
            if (path.equals(TENANTS)) {
                responses.addApiResponse("200", ok.description("The same tenantId and slug were registered before: "
                        + "the same body, no new event"));
            }
            responses.putAll(post.getResponses());
            post.setResponses(responses);
        });
    }
}
