package dev.orgservice.platform.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers Spring Security writes on every answer it handles, for the few answers written before its
 * filter chain runs: a body over the size limit ({@link RequestSizeLimitFilter}) and a request its firewall refuses.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void addTo(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
    }
}
