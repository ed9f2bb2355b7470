package dev.orgservice.platform.security;

import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private final Instant start = Instant.now();
    private final AtomicLong elapsedNanos = new AtomicLong();
    private final AtomicInteger fullDecodes = new AtomicInteger();
    private final JwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
            TestTokens.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
    private final CachingJwtDecoder decoder = new CachingJwtDecoder(token -> {
        fullDecodes.incrementAndGet();
        return nimbus.decode(token);
    }, new Clock() {
        @Override
        public Instant instant() {
            return start.plusNanos(elapsedNanos.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }, elapsedNanos::get);

    @Test
    void aTokenSeenAgainIsNotVerifiedAgain() {
        String token = TestTokens.forTenant(UUID.randomUUID(), "alice", "ORG_EDITOR");

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second).isSameAs(first);
        assertThat(fullDecodes).hasValue(1);
    }

    @Test
    void aTamperedTokenIsVerifiedInFullAndRefused() {
        String token = TestTokens.forTenant(UUID.randomUUID(), "alice", "ORG_EDITOR");
        decoder.decode(token);
        String otherTenant = TestTokens.forTenant(UUID.randomUUID(), "alice", "ORG_EDITOR");
        // the claims of another token under this token's signature
        String forged = otherTenant.substring(0, otherTenant.lastIndexOf('.')) + token.substring(token.lastIndexOf('.'));

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(fullDecodes).hasValue(3); // the refused token was not remembered either
    }

    @Test
    void aRememberedTokenStillExpires() {
        String token = TestTokens.token("alice", UUID.randomUUID(), List.of("ORG_EDITOR"), TestTokens.SECRET,
                start.plusSeconds(120));
        decoder.decode(token);

        elapsedNanos.set(Duration.ofSeconds(120 + 61).toNanos()); // past exp and the 60 s of allowed skew

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(fullDecodes).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheCacheForgetsIt() {
        String token = TestTokens.forTenant(UUID.randomUUID(), "alice", "ORG_EDITOR");
        decoder.decode(token);

        elapsedNanos.set(CachingJwtDecoder.REMEMBERED.plusSeconds(1).toNanos());
        decoder.decode(token);

        assertThat(fullDecodes).hasValue(2);
    }
}
