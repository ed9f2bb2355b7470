package dev.orgservice.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers tokens it has verified, by their exact text, for a few minutes: a client sends the same token with
 * every request, and parsing it and checking its signature again was about a tenth of a request's CPU
 * (docs/benchmarks.md). A token whose text differs by one character (another signature, another claim) is not
 * in the cache and is verified in full; a remembered token is still checked for expiry on every use, as the
 * full decoder would. What it does not see within {@link #REMEMBERED}: a signing key removed from the issuer's
 * key set (bearer tokens cannot be revoked here anyway: nothing asks the issuer per request).
 */
final class CachingJwtDecoder implements JwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(5);
    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final JwtTimestampValidator expiry;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder decoder) {
        this(decoder, Clock.systemUTC(), Ticker.systemTicker());
    }

    CachingJwtDecoder(JwtDecoder decoder, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        this.expiry = new JwtTimestampValidator(); // the full decoder's default check: exp and nbf, 60 s of skew
        this.expiry.setClock(clock);
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(REMEMBERED).ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            var result = expiry.validate(known);
            if (!result.hasErrors()) {
                return known;
            }
            verified.invalidate(token);
            throw new JwtValidationException("The token has expired", result.getErrors());
        }
        Jwt jwt = decoder.decode(token); // throws for a token it does not accept: those are never remembered
        verified.put(token, jwt);
        return jwt;
    }
}
