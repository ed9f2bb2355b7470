package dev.orgservice.query.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.security.CurrentUser;
import dev.orgservice.platform.security.TenantAccessInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * An offboarded tenant's own users read nothing of its organization any more, only the tenant itself (which says
 * {@code OFFBOARDED}): offboarding ends the contract, and what is kept afterwards is for the platform's operators
 * (audit, export, docs/operations.md). Before, every reading role of the tenant could go on reading its structure,
 * chains and approvals. Runs after the tenant check and after a read has waited for its {@code minPosition}; the
 * status comes from the tenant read model and is remembered for 30 s per tenant, so an offboarding takes effect
 * within 30 s on each instance (at once for a read at or past the offboarding's position, unless the status was
 * remembered just before).
 */
@Component
class OffboardedTenantReads implements HandlerInterceptor {

    static final String TENANT_ITSELF = "/api/v1/tenants/{tenantId}";

    private final JdbcTemplate jdbc;
    private final Cache<UUID, String> statuses = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(100_000).build();

    OffboardedTenantReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String pathTenant = TenantAccessInterceptor.pathTenant(request);
        if (pathTenant == null || TENANT_ITSELF.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken)
                || CurrentUser.get().tenantId() == null) {
            return true; // platform operators read every tenant
        }
        UUID tenantId = UUID.fromString(pathTenant); // the tenant check before this one has parsed it
        if ("OFFBOARDED".equals(statuses.get(tenantId, this::statusOf))) {
            throw new OrgException(ErrorCode.FORBIDDEN, "Tenant " + tenantId + " is offboarded: its users no longer "
                    + "read its data (GET /api/v1/tenants/" + tenantId + " shows its status)",
                    Map.of("tenantId", tenantId, "currentStatus", "OFFBOARDED"));
        }
        return true;
    }

    private String statusOf(UUID tenantId) {
        return jdbc.queryForList("select status from read_model.tenant where tenant_id = ?", String.class, tenantId)
                .stream().findFirst().orElse(null);
    }
}
