package dev.orgservice.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A query parameter given with an empty value ({@code ?status=&plan=&page=0}, as the docs' templates read) is absent,
 * for every endpoint alike. Before, each type had its own rule: an enum or an id became absent, {@code asOf=} and a
 * person's id were {@code 400}, and {@code plan=} filtered for the plan named "" (an empty page). The names stay
 * visible to {@link StrictQueryParameters} ({@link #DROPPED}), so a misspelt one is still refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class EmptyQueryParameters extends OncePerRequestFilter {

    /** The request attribute with the names whose values were all empty. */
    public static final String DROPPED = EmptyQueryParameters.class.getName() + ".dropped";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() == null || request.getParameterMap().values().stream()
                .flatMap(Arrays::stream).noneMatch(String::isEmpty)) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> kept = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            String[] given = Arrays.stream(values).filter(value -> !value.isEmpty()).toArray(String[]::new);
            if (given.length > 0) {
                kept.put(name, given);
            }
        });
        Set<String> dropped = new HashSet<>(request.getParameterMap().keySet());
        dropped.removeAll(kept.keySet());
        request.setAttribute(DROPPED, Set.copyOf(dropped));
        chain.doFilter(new WithoutEmptyValues(request, Collections.unmodifiableMap(kept)), response);
    }

    private static final class WithoutEmptyValues extends HttpServletRequestWrapper {

        private final Map<String, String[]> kept;

        WithoutEmptyValues(HttpServletRequest request, Map<String, String[]> kept) {
            super(request);
            this.kept = kept;
        }

        @Override
        public String getParameter(String name) {
            String[] values = kept.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return kept;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(kept.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = kept.get(name);
            return values == null ? null : values.clone();
        }
    }
}
