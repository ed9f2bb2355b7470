package dev.orgservice.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Effective times in requests accept an instant or a date; a date means 00:00 UTC of that day. */
public final class FlexibleInstant {

    /**
     * The earliest and the latest time a request may name: ISO 8601's four-digit years, which PostgreSQL, the read
     * models and every consumer's database can hold. Java's {@code Instant} reaches a billion years either way; an
     * event with such a time was recorded, and then stopped the projection that could not store it, for every
     * tenant (found by hand, 2026-11-27).
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private FlexibleInstant() {
    }

    /** An optional effective time or {@code asOf} of a request: the one given, else now. */
    public static Instant orNow(Instant requested) {
        return requested != null ? requested : now();
    }

    /** Now, in the microseconds PostgreSQL keeps (see {@link #requireRequestable}). */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Any instant or date, as stored events carry them: an event is read as it was recorded. */
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

    /**
     * A time a request names: {@link #EARLIEST} to {@link #LATEST}, cut to the microsecond. PostgreSQL keeps
     * microseconds, the tree nanoseconds: two moves 100 ns apart were two changes in the tree and one row in the
     * read model, which then showed the other parent for good (found by a review, 2026-11-28).
     */
    public static Instant requireRequestable(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException(instant + " is outside the years 0001 to 9999");
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
