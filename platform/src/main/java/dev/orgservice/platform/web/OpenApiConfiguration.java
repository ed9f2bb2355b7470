package dev.orgservice.platform.web;

import dev.orgservice.api.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The OpenAPI document of each service: bearer-JWT security on every operation, the Problem schema, and the
 * catalog of problem types; {@link ProblemResponses}, {@link SharedParameters} and {@link PathParameters} complete
 * each operation, {@link RequestInstants} the instants of the bodies.
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

    @Bean
    OperationCustomizer problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OperationCustomizer sharedParameters() {
        return new SharedParameters();
    }

    @Bean
    OperationCustomizer pathParameters() {
        return new PathParameters();
    }

    @Bean
    OpenApiCustomizer requestInstants() {
        return new RequestInstants();
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
