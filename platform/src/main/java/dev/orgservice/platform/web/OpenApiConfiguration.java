package dev.orgservice.platform.web;

import dev.orgservice.api.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The OpenAPI document of each service: bearer-JWT security on every operation, the Problem schema, and the
 * catalog of problem types; every operation lists the error responses any request may get.
 */
@Configuration
public class OpenApiConfiguration {

    private static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI organizationServiceApi(@Value("${spring.application.name:org-service}") String name) {
        String problemTypes = Arrays.stream(ErrorCode.values())
                .map(code -> "| `" + code.type() + "` | " + code.status() + " | " + code.title() + " |")
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info().title("Organization Service: " + name).version("v1").description("""
                        Tenants and the shape of each tenant's organization. Every error is an RFC 9457 \
                        `application/problem+json` with a stable `type`, a `correlationId`, and for validation an \
                        `errors` array of `{field, message}`. Every response carries `X-Correlation-Id`.

                        | type | status | title |
                        |---|---|---|
                        """ + problemTypes))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("claims: sub, tenant_id (absent for platform "
                                        + "operators), roles [PLATFORM_ADMIN, TENANT_ADMIN, ORG_EDITOR, ORG_VIEWER, AUDITOR]"))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the error responses every operation can give, pointing at the Problem schema. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            var responses = operation.getResponses();
            responses.putIfAbsent("400", problem("Invalid request (validation)"));
            responses.putIfAbsent("401", problem("Missing, expired or invalid token"));
            responses.putIfAbsent("403", problem("The caller's roles do not allow this"));
            responses.putIfAbsent("404", problem("Not found for this tenant (other tenants' resources included)"));
            responses.putIfAbsent("429", problem("Rate limit exceeded; see Retry-After"));
            responses.putIfAbsent("503", problem("minPosition not reached in time or parked (query side), or the "
                    + "database did not answer in time; see Retry-After"));
        }));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().example(ErrorCode.CYCLE.type().toString()))
                .addProperty("title", new StringSchema().example(ErrorCode.CYCLE.title()))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().example("Moving unit ENG under PLAT would put it under its own descendant"))
                .addProperty("instance", new StringSchema().example("/api/v1/tenants/6f1c.../units/8d0c.../move"))
                .addProperty("correlationId", new StringSchema().example("c0ffee-42"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema().example("slug"))
                        .addProperty("message", new StringSchema().example("must be 3-63 characters of a-z, 0-9 and -"))));
    }
}
