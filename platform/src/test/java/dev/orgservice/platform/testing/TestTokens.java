package dev.orgservice.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Mints HS256 tokens like the local dev tokens, for tests. */
public final class TestTokens {

    public static final String SECRET = "test-secret-0123456789-0123456789-abcdef";

    private TestTokens() {
    }

    public static String platformAdmin() {
        return token("platform-op", null, List.of("PLATFORM_ADMIN"), SECRET, Instant.now().plusSeconds(3600));
    }

    public static String forTenant(UUID tenantId, String user, String... roles) {
        return token(user, tenantId, List.of(roles), SECRET, Instant.now().plusSeconds(3600));
    }

    public static String token(String subject, UUID tenantId, List<String> roles, String secret, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", roles)
                .issueTime(new Date())
                .expirationTime(Date.from(expires));
        if (tenantId != null) {
            claims.claim("tenant_id", tenantId.toString());
        }
        return signed(claims, secret);
    }

    /** A validly signed token, valid for an hour, with exactly these claims (and {@code iat}, {@code exp}). */
    public static String withClaims(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
        claims.forEach(builder::claim);
        return signed(builder, SECRET);
    }

    private static String signed(JWTClaimsSet.Builder claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
