package dev.orgservice.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Effective times in requests accept an instant or a date; a date means 00:00 UTC of that day. */
public final class FlexibleInstant {

    private FlexibleInstant() {
    }

    /** An optional effective time or {@code asOf} of a request: the one given, else now. */
    public static Instant orNow(Instant requested) {
        return requested != null ? requested : Instant.now();
    }

    public static Instant parse(String text) {
        String value = text.trim();
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an ISO-8601 instant nor a date", e);
        }
    }
}
