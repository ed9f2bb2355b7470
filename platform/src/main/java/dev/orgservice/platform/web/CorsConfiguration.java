package dev.orgservice.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * CORS is closed unless origins are configured ({@code ORG_CORS_ALLOWED_ORIGINS}, comma-separated). Spring Security
 * applies it with the filter named {@code corsFilter}, whose refusals are problems ({@link ProblemCorsProcessor}); the
 * filter runs only in the security chain, not a second time as a servlet filter of its own.
 */
@Configuration
public class CorsConfiguration {

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${org.cors.allowed-origins:}") String origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> allowed = Arrays.stream(origins.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (!allowed.isEmpty()) {
            org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
            cors.setAllowedOrigins(allowed);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Correlation-Id", "X-Change-Reason",
                    "X-Min-Position", "If-Match", "Idempotency-Key"));
            cors.setExposedHeaders(List.of("X-Correlation-Id", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                    "RateLimit-Reset", "Location", "ETag", "Idempotent-Replayed"));
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    @Bean
    CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource, ObjectMapper json) {
        CorsFilter filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new ProblemCorsProcessor(json));
        return filter;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterOnlyInTheSecurityChain(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }
}
