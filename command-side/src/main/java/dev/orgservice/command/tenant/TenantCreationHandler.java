package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.problem.OrgException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Creates tenants. A create repeated with the same tenant id and slug (a client retry) changes nothing and
 * answers the same id; the same id with another slug is a conflict.
 */
@Component
class TenantCreationHandler {

    private final Repository<Tenant> tenants;
    private final TenantRegistry registry;

    TenantCreationHandler(Repository<Tenant> tenants, TenantRegistry registry) {
        this.tenants = tenants;
        this.registry = registry;
    }

    @CommandHandler
    TenantId handle(CreateTenantCommand command) throws Exception {
        var existing = registry.find(command.tenantId().value());
        if (existing.isPresent()) {
            if (existing.get().slug().equals(command.slug())) {
                return command.tenantId();
            }
            throw new OrgException(ErrorCode.CONFLICT, "Tenant id " + command.tenantId() + " is already in use",
                    Map.of("tenantId", command.tenantId()));
        }
        tenants.newInstance(() -> new Tenant(command));
        return command.tenantId();
    }
}
