package dev.orgservice.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

import java.util.List;

/**
 * Where tokens are validated: an issuer or a JWK set in production; an HS256 shared secret in the local
 * profile and in tests only. {@code audiences}: when given, a token's {@code aud} must name one of them, so that a
 * token the same issuer minted for another application is refused.
 */
@ConfigurationProperties("org.security.jwt")
public record JwtProperties(String issuerUri, String jwkSetUri, String devSecret, List<String> audiences) {

    /** The configured audiences, blanks left out (an unset variable binds as one empty entry). */
    public List<String> requiredAudiences() {
        return audiences == null ? List.of() : audiences.stream().filter(StringUtils::hasText).map(String::trim).toList();
    }
}
