package dev.orgservice.platform.security;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Who is calling, from the validated JWT: {@code sub}, {@code tenant_id} (absent for operators), {@code roles}. */
public record CurrentUser(String userId, UUID tenantId, Set<Role> roles) {

    public static final String TENANT_CLAIM = "tenant_id";
    public static final String ROLES_CLAIM = "roles";

    public static CurrentUser get() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new IllegalStateException("no authenticated JWT caller");
    }

    static CurrentUser from(Jwt jwt) {
        String tenant = jwt.getClaimAsString(TENANT_CLAIM);
        return new CurrentUser(jwt.getSubject(), tenant == null ? null : UUID.fromString(tenant), roles(jwt));
    }

    static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(ROLES_CLAIM);
        if (claim instanceof Collection<?> names) {
            for (Object name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    public boolean isPlatformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }

    /** A platform operator: {@code PLATFORM_ADMIN} without a tenant ({@link Role#PLATFORM}). */
    public boolean isPlatformOperator() {
        return isPlatformAdmin() && tenantId == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
