package dev.orgservice.command.kafka;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextTest {

    private final InstantText text = new InstantText();

    @Test
    void writesWhatInstantToStringWrites() {
        Instant start = Instant.parse("2026-11-26T21:29:56.219369Z");
        Random random = new Random(7);
        long offset = 0;
        for (int i = 0; i < 100_000; i++) {
            // mostly the same second as the one before, every precision Axon's timestamps can have
            offset += random.nextInt(30_000_000);
            Instant instant = start.plusNanos(offset);
            Instant rounded = switch (i % 4) {
                case 0 -> instant;
                case 1 -> instant.truncatedTo(ChronoUnit.MICROS);
                case 2 -> instant.truncatedTo(ChronoUnit.MILLIS);
                default -> instant.truncatedTo(ChronoUnit.SECONDS);
            };
            assertThat(text.format(rounded)).isEqualTo(rounded.toString());
        }
    }

    @Test
    void writesTheEdgesAsInstantDoes() {
        for (String edge : new String[]{"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
                "0001-01-01T00:00:00.000000001Z", "2026-11-26T23:59:59.000001Z", "2026-11-27T00:00:00.010Z"}) {
            Instant instant = Instant.parse(edge);
            assertThat(text.format(instant)).isEqualTo(instant.toString()).isEqualTo(edge);
        }
        Instant far = Instant.parse("+10000-01-01T00:00:00.5Z");
        assertThat(text.format(far)).isEqualTo(far.toString());
    }
}
