package dev.orgservice.platform.web;

import dev.orgservice.api.approval.ApprovalPurposes;
import dev.orgservice.api.structure.PersonIds;
import dev.orgservice.api.tenant.TenantSlugs;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.util.Map;

/**
 * The ids in the paths, described once, with the shape the service checks where springdoc cannot see it (a purpose
 * a command checks in code; the slug a tenant was registered with). The ids typed UUID are {@code format: uuid}
 * already. A handler's own {@code @Parameter(description = ...)} wins.
 */
public class PathParameters implements OperationCustomizer {

    private record Path(String description, String pattern) {
    }

    private static final Map<String, Path> PATHS = Map.of(
            "tenantId", new Path("The tenant's id. A token bound to another tenant gets 404, as does an id that is "
                    + "not a UUID.", null),
            "unitId", new Path("The unit's id (unitId).", null),
            "positionId", new Path("The position's id (positionId).", null),
            "delegationId", new Path("The delegation's id, as its grant answered it (delegationId, Location).", null),
            "personId", new Path("The HR service's person id: " + PersonIds.MESSAGE + "; another shape is 400.",
                    PersonIds.PATTERN),
            "purpose", new Path("What is approved: a built-in purpose (" + String.join(", ", ApprovalPurposes.BUILT_IN)
                    + ") or one the tenant names, upper case (TRAVEL_REQUEST); another shape is 400.",
                    ApprovalPurposes.PATTERN),
            "key", new Path("A feature of the tenant's plan, e.g. bulk-import (GET /api/v1/tenants/{tenantId}/features "
                    + "lists them); another key is 404.", null),
            "slug", new Path("The slug the tenant was registered with (" + TenantSlugs.MESSAGE
                    + "); a tenant-bound caller finds only its own tenant, any other slug is 404.", TenantSlugs.PATTERN));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getParameters() == null) {
            return operation;
        }
        for (Parameter parameter : operation.getParameters()) {
            Path path = "path".equals(parameter.getIn()) ? PATHS.get(parameter.getName()) : null;
            if (path == null) {
                continue;
            }
            if (parameter.getDescription() == null) {
                parameter.setDescription(path.description());
            }
            if (path.pattern() != null) {
                // a new schema: springdoc gives every plain String parameter the same instance
                parameter.setSchema(new StringSchema().pattern(path.pattern()));
            }
        }
        return operation;
    }
}
