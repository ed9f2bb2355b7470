package dev.orgservice.platform.security;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.UUID;

/**
 * Guards every API path before any role check runs: on a path with a {@code {tenantId}}, a caller bound to another
 * tenant gets 404 (the tenant's existence is not confirmed); everywhere, a caller without a tenant must be a platform
 * admin (403), but on an endpoint that {@link ReadsOnlyTheToken}. Paths without a tenant (the tenant list, a tenant
 * by slug, the parked tenants) act across tenants for such a caller, so this is what keeps them platform-only.
 */
@Component
public class TenantAccessInterceptor implements HandlerInterceptor {

    public static final String TENANT_ID = "tenantId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String pathTenant = pathTenant(request);
        if (pathTenant != null) {
            requireAccess(CurrentUser.get(), pathTenant);
        } else if (!(handler instanceof HandlerMethod method && method.hasMethodAnnotation(ReadsOnlyTheToken.class))
                && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken) {
            requireTenantOrPlatformAdmin(CurrentUser.get());
        }
        return true;
    }

    /**
     * The {@code {tenantId}} of the request's path as sent, or null for a path without one. Once this interceptor
     * has passed the request, it is a tenant id the caller may use.
     */
    public static String pathTenant(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables == null ? null : variables.get(TENANT_ID);
    }

    private static void requireTenantOrPlatformAdmin(CurrentUser user) {
        if (user.tenantId() == null && !user.isPlatformAdmin()) {
            throw new OrgException(ErrorCode.FORBIDDEN, "A token without tenant_id must belong to a platform admin");
        }
    }

    static void requireAccess(CurrentUser user, String pathTenant) {
        UUID tenantId;
        try {
            tenantId = UUID.fromString(pathTenant);
        } catch (IllegalArgumentException e) {
            throw new OrgException(ErrorCode.NOT_FOUND, "Tenant " + pathTenant + " does not exist");
        }
        requireTenantOrPlatformAdmin(user);
        if (user.tenantId() != null && !user.tenantId().equals(tenantId)) {
            throw new OrgException(ErrorCode.NOT_FOUND, "Tenant " + tenantId + " does not exist");
        }
    }
}
