package dev.orgservice.platform.web;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a query parameter the endpoint does not take ({@code 400} naming it), as request bodies refuse unknown
 * fields: ignored, {@code ?asof=2020-01-01} answered as of now, and {@code ?effectivefrom=} on an import took effect
 * now. {@code minPosition}, which every query takes ({@code ReadYourWrites}), is allowed everywhere. A value must be
 * {@linkplain StorableText storable text}: a NUL in a search term or a plan reached PostgreSQL, which refused it with
 * a 500 (found by hand, 2026-11-28). A parameter that takes one value is given once: Spring read the first of
 * {@code ?amount=500&amount=50000} and the approval chain answered for 500 (found by a review, 2026-11-29).
 */
@Component
public class StrictQueryParameters implements HandlerInterceptor {

    /** Taken by every endpoint, one value each. */
    private static final Map<String, Boolean> EVERYWHERE = Map.of("minPosition", false);

    /** Per handler: its parameters' names, each with whether it takes several values (a list or an array). */
    private final Map<Method, Map<String, Boolean>> parameters = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Map<String, Boolean> known = parameters.computeIfAbsent(method.getMethod(), m -> namesOf(method));
        List<String> names = new ArrayList<>(Collections.list(request.getParameterNames()));
        if (request.getAttribute(EmptyQueryParameters.DROPPED) instanceof Set<?> dropped) {
            dropped.forEach(name -> names.add((String) name)); // given empty: absent, but the name must be known
        }
        List<Problems.FieldError> invalid = names.stream()
                .map(name -> invalid(name, known.getOrDefault(name, EVERYWHERE.get(name)),
                        request.getParameterValues(name)))
                .filter(Objects::nonNull)
                .toList();
        if (!invalid.isEmpty()) {
            throw new OrgException(ErrorCode.VALIDATION, "The request parameters are invalid",
                    Map.of("errors", invalid));
        }
        return true;
    }

    /** What is wrong with the parameter {@code name}: null for nothing; {@code several} null: unknown. */
    private static Problems.FieldError invalid(String name, Boolean several, String[] values) {
        if (several == null) {
            return new Problems.FieldError(name, "not a parameter of this endpoint");
        }
        if (values == null) {
            return null;
        }
        if (values.length > 1 && !several) {
            return new Problems.FieldError(name, "given more than once; give it once");
        }
        return Arrays.stream(values).allMatch(StorableText::isStorable) ? null
                : new Problems.FieldError(name, StorableText.REFUSAL);
    }

    private static Map<String, Boolean> namesOf(HandlerMethod method) {
        Map<String, Boolean> names = new HashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                Class<?> type = parameter.getParameterType();
                names.put(StringUtils.hasText(annotation.name()) ? annotation.name() : parameter.getParameterName(),
                        type.isArray() || Collection.class.isAssignableFrom(type));
            }
        }
        return Map.copyOf(names);
    }
}
