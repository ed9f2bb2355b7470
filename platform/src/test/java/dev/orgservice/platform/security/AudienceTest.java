package dev.orgservice.platform.security;

import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With {@code ORG_JWT_AUDIENCES} set, a token's {@code aud} must name this service; without it, any is taken. */
class AudienceTest {

    private final JwtDecoder signature = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
            TestTokens.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();

    @Test
    void refusesATokenMintedForAnotherApplicationWhenAnAudienceIsConfigured() {
        JwtDecoder decoder = SecurityConfiguration.withCallerClaims(signature,
                SecurityConfiguration.claimsValidator(new JwtProperties(null, null, null,
                        List.of("", "org-service")).requiredAudiences()));
        assertThat(decoder.decode(token(List.of("crm", "org-service"))).getSubject()).isEqualTo("alice");
        assertThatThrownBy(() -> decoder.decode(token(List.of("crm")))).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.withClaims(Map.of("sub", "alice", "roles",
                List.of("ORG_VIEWER"))))).as("no aud at all").isInstanceOf(JwtValidationException.class);
    }

    @Test
    void takesAnyAudienceWhenNoneIsConfigured() {
        JwtDecoder decoder = SecurityConfiguration.withCallerClaims(signature,
                SecurityConfiguration.claimsValidator(new JwtProperties(null, null, null, null).requiredAudiences()));
        assertThat(decoder.decode(token(List.of("crm"))).getSubject()).isEqualTo("alice");
    }

    private static String token(List<String> audiences) {
        return TestTokens.withClaims(Map.of("sub", "alice", "roles", List.of("ORG_VIEWER"), "aud", audiences));
    }
}
