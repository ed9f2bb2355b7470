package dev.orgservice.platform.web;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request's correlation id: accepted from {@code X-Correlation-Id} when well-formed, else generated. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CorrelationId() {
    }

    public static String acceptOrGenerate(String offered) {
        return offered != null && VALID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
