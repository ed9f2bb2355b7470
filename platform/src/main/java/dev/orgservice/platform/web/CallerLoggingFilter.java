package dev.orgservice.platform.web;

import dev.orgservice.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts the authenticated caller ({@code userId}, {@code tenantId}) into the MDC, next to the correlation id,
 * so every structured log line of a request says who and for which tenant. Runs right after authentication.
 */
public class CallerLoggingFilter extends OncePerRequestFilter {

    public static final String USER_ID = "userId";
    public static final String TENANT_ID = "tenantId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken) {
            CurrentUser user = CurrentUser.get();
            MDC.put(USER_ID, user.userId());
            if (user.tenantId() != null) {
                MDC.put(TENANT_ID, user.tenantId().toString());
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(USER_ID);
            MDC.remove(TENANT_ID);
        }
    }
}
