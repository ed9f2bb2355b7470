package dev.orgservice.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service configured with an issuer starts while the issuer cannot be reached (nothing listens on port 1): the
 * discovery document is read on the first token, and a token that comes meanwhile is refused.
 */
class IssuerAtFirstTokenTest {

    @Test
    void startsWithoutReachingTheIssuerAndRefusesTokensUntilItAnswers() {
        JwtProperties unreachable = new JwtProperties("http://127.0.0.1:1/realms/org", null, null, null);
        JwtDecoder decoder = assertStarts(unreachable);
        assertThatThrownBy(() -> decoder.decode("a.b.c")).isInstanceOf(RuntimeException.class);
    }

    private static JwtDecoder assertStarts(JwtProperties jwt) {
        JwtDecoder[] decoder = new JwtDecoder[1];
        assertThatCode(() -> decoder[0] = SecurityConfiguration.configuredDecoder(jwt)).doesNotThrowAnyException();
        return decoder[0];
    }
}
