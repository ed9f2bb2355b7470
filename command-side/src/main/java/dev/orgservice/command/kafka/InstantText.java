package dev.orgservice.command.kafka;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@link Instant#toString()} (RFC 3339, UTC, a fraction of 3, 6 or 9 digits when not zero) for the {@code ce_time}
 * header, with the date and time of day kept from the previous call: the publisher formats one timestamp per
 * event, most of them in the same second as the one before, and {@code DateTimeFormatter} took a tenth of the
 * sender thread (docs/benchmarks.md, thirteenth run). Safe for several threads: the kept second is one
 * immutable value.
 */
final class InstantText {

    private record Second(long epochSecond, String text) {
    }

    private volatile Second last = new Second(Long.MIN_VALUE, "");

    String format(Instant instant) {
        Second second = last;
        if (second.epochSecond() != instant.getEpochSecond()) {
            String whole = instant.truncatedTo(ChronoUnit.SECONDS).toString();
            second = new Second(instant.getEpochSecond(), whole.substring(0, whole.length() - 1)); // without the Z
            last = second;
        }
        int nanos = instant.getNano();
        if (nanos == 0) {
            return second.text() + 'Z';
        }
        StringBuilder text = new StringBuilder(second.text().length() + 11).append(second.text()).append('.');
        if (nanos % 1_000_000 == 0) {
            appendDigits(text, nanos / 1_000_000, 3);
        } else if (nanos % 1_000 == 0) {
            appendDigits(text, nanos / 1_000, 6);
        } else {
            appendDigits(text, nanos, 9);
        }
        return text.append('Z').toString();
    }

    private static void appendDigits(StringBuilder text, int value, int digits) {
        String number = Integer.toString(value);
        text.append("0".repeat(digits - number.length())).append(number);
    }
}
