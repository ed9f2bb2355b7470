package dev.orgservice.platform.security;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.UUID;

/**
 * Guards every path with a {@code {tenantId}} before any role check runs: a caller bound to another tenant
 * gets 404 (the tenant's existence is not confirmed), a caller without a tenant must be a platform admin.
 */
@Component
public class TenantAccessInterceptor implements HandlerInterceptor {

    public static final String TENANT_ID = "tenantId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null && variables.containsKey(TENANT_ID)) {
            requireAccess(CurrentUser.get(), variables.get(TENANT_ID));
        }
        return true;
    }

    static void requireAccess(CurrentUser user, String pathTenant) {
        UUID tenantId;
        try {
            tenantId = UUID.fromString(pathTenant);
        } catch (IllegalArgumentException e) {
            throw new OrgException(ErrorCode.NOT_FOUND, "Tenant " + pathTenant + " does not exist");
        }
        if (user.tenantId() == null && !user.isPlatformAdmin()) {
            throw new OrgException(ErrorCode.FORBIDDEN, "A token without tenant_id must belong to a platform admin");
        }
        if (user.tenantId() != null && !user.tenantId().equals(tenantId)) {
            throw new OrgException(ErrorCode.NOT_FOUND, "Tenant " + tenantId + " does not exist");
        }
    }
}
