package dev.orgservice.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import dev.orgservice.platform.ratelimit.RateLimitFilter;
import dev.orgservice.platform.ratelimit.RateLimitProperties;
import dev.orgservice.platform.ratelimit.TenantPlans;
import dev.orgservice.platform.web.CallerLoggingFilter;
import dev.orgservice.platform.web.HeaderText;
import dev.orgservice.platform.web.SecurityHeaders;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.StringUtils;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties({JwtProperties.class, RateLimitProperties.class})
public class SecurityConfiguration {


    /**
     * No Spring Security observations: with an observation registry present (Actuator) it otherwise wraps every
     * filter of the chain, each authentication and each authorization decision in an observation, about a tenth
     * of a request's CPU in a profile of the command path (docs/benchmarks.md), for timers and spans nothing here
     * reads. Requests stay observed as a whole ({@code http_server_requests_seconds}); denials and failed
     * authentications are answered as problems and counted there by status.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, RateLimitProperties rateLimits, TenantPlans plans)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(a -> a
                        // the error page renders the status the request already has; asking for a token there
                        // turned a refused request into a 401
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesAsAuthorities()))
                        .authenticationEntryPoint((req, res, e) -> problem(json, req, res, ErrorCode.UNAUTHORIZED,
                                "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, e) -> problem(json, req, res, ErrorCode.FORBIDDEN,
                                "Your roles do not allow this operation")))
                .addFilterAfter(new CallerLoggingFilter(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimits, plans, json), CallerLoggingFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(json, req, res, ErrorCode.UNAUTHORIZED,
                                "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, ex) -> problem(json, req, res, ErrorCode.FORBIDDEN,
                                "Your roles do not allow this operation")))
                .build();
    }

    /**
     * Spring Security's strict firewall, but a header value is judged as the client wrote it ({@link HeaderText}):
     * the default judged its UTF-8 bytes one by one and refused most non-ASCII text, "ß" for one, whose second byte
     * reads as a control character in ISO-8859-1 (a change reason with it answered 500, found by hand, 2026-11-27).
     * Control characters are still refused.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderText::isPrintable);
        return firewall;
    }

    /**
     * A URL the firewall refuses ({@code ..}, {@code ;}, an encoded {@code .} or {@code %}...) is a {@code 400}
     * problem naming what was refused, a method it does not know ({@code PROPFIND}) a {@code 405}. By default it was sent to the error page, which asked for a token and so
     * answered a valid caller {@code 401} (found by hand, 2026-11-27).
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> {
            ProblemDetail problem = Problems.rejected(e, request.getRequestURI());
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            SecurityHeaders.addTo(response); // answered before the chain's header writer runs
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    /**
     * The configured validation plus the caller's claims ({@link CallerClaimsValidator}) and, when configured, the
     * audience, with the tokens it has accepted remembered for a few minutes ({@link CachingJwtDecoder}).
     */
    @Bean
    JwtDecoder jwtDecoder(JwtProperties jwt) {
        return new CachingJwtDecoder(withCallerClaims(configuredDecoder(jwt), claimsValidator(jwt.requiredAudiences())));
    }

    static OAuth2TokenValidator<Jwt> claimsValidator(List<String> audiences) {
        if (audiences.isEmpty()) {
            return new CallerClaimsValidator();
        }
        return new DelegatingOAuth2TokenValidator<>(new CallerClaimsValidator(), new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    }

    static JwtDecoder withCallerClaims(JwtDecoder decoder, OAuth2TokenValidator<Jwt> claims) {
        return token -> {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = claims.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                        result.getErrors());
            }
            return jwt;
        };
    }

    /**
     * The decoder the configuration names. One from the issuer's discovery document is made on the first token, not
     * at start (as Spring Boot's own does): made at start, a service restarted while the identity provider or its DNS
     * was down failed to start and kept restarting; now such a request fails until the provider answers again.
     */
    static JwtDecoder configuredDecoder(JwtProperties jwt) {
        if (StringUtils.hasText(jwt.issuerUri())) {
            return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(jwt.issuerUri()));
        }
        if (StringUtils.hasText(jwt.jwkSetUri())) {
            return NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        }
        if (StringUtils.hasText(jwt.devSecret())) {
            byte[] secret = jwt.devSecret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("ORG_JWT_DEV_SECRET must be at least 32 bytes for HS256");
            }
            return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        }
        throw new IllegalStateException(
                "No token validation configured: set ORG_JWT_ISSUER_URI or ORG_JWT_JWK_SET_URI (or ORG_JWT_DEV_SECRET locally)");
    }

    private static JwtAuthenticationConverter rolesAsAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> CurrentUser.roles(jwt).stream()
                .map(role -> (org.springframework.security.core.GrantedAuthority)
                        new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList());
        return converter;
    }

    private static void problem(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                                ErrorCode code, String detail) throws IOException {
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(code, detail, request.getRequestURI()));
    }
}
