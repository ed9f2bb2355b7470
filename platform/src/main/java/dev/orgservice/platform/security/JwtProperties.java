package dev.orgservice.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens are validated: an issuer or a JWK set in production; an HS256 shared secret in the local
 * profile and in tests only.
 */
@ConfigurationProperties("org.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String devSecret) {
}
