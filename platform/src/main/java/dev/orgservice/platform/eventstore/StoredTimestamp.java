package dev.orgservice.platform.eventstore;

import org.axonframework.common.DateTimeUtils;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the event store's {@code time_stamp} column. Axon writes it as ISO-8601 in UTC, to the millisecond
 * ({@code 2026-11-26T17:28:01.123Z}, {@link DateTimeUtils#formatInstant}) and parses it back with a
 * {@code DateTimeFormatter}, twice per event read from the store: a third of the Kafka publisher's read-ahead
 * thread (docs/benchmarks.md). That one shape is read here directly; anything else (an offset, another layout)
 * goes to Axon's parser, so the result is always what Axon would answer.
 */
final class StoredTimestamp {

    private static final int SHORTEST = "2026-11-26T17:28:01Z".length();
    private static final int[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private StoredTimestamp() {
    }

    static Instant parse(String text) {
        Instant fast = utc(text);
        return fast != null ? fast : DateTimeUtils.parseInstant(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for any other text. */
    private static Instant utc(String text) {
        int length = text.length();
        if (length < SHORTEST || length > SHORTEST + 10 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - SHORTEST - 1;
            if (text.charAt(19) != '.' || fractionDigits == 0) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            nanos = fraction < 0 ? -1 : fraction * SCALE[9 - fractionDigits];
        }
        if (year < 0 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
