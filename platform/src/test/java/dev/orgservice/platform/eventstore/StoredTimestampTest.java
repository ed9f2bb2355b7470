package dev.orgservice.platform.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTimestampTest {

    @Test
    void readsWhatAxonWritesAsAxonReadsIt() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            // 0000-01-01 .. 9999-12-31, any nanosecond
            Instant instant = Instant.ofEpochSecond(-62_167_219_200L + (long) (random.nextDouble() * 315_537_897_599L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            for (String text : List.of(DateTimeUtils.formatInstant(instant), instant.toString())) {
                assertThat(StoredTimestamp.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
            }
        }
    }

    @Test
    void everyFractionLength() {
        String text = "2026-11-26T17:28:01.123456789Z";
        for (int digits = 1; digits <= 9; digits++) {
            String shorter = text.substring(0, 20 + digits) + "Z";
            assertThat(StoredTimestamp.parse(shorter)).as(shorter).isEqualTo(DateTimeUtils.parseInstant(shorter));
        }
        assertThat(StoredTimestamp.parse("2026-11-26T17:28:01Z")).isEqualTo(Instant.parse("2026-11-26T17:28:01Z"));
    }

    @Test
    void otherShapesAndMistakesAreLeftToAxon() {
        for (String text : List.of("2026-11-26T18:28:01.5+01:00", "2026-11-26t17:28:01.123z", "2024-02-29T23:59:59Z",
                "+12026-11-26T17:28:01Z", "2026-11-26T17:28:01.Z")) {
            assertThat(StoredTimestamp.parse(text)).as(text).isEqualTo(DateTimeUtils.parseInstant(text));
        }
        for (String text : List.of("2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-26T24:00:00Z",
                "2026-11-26T17:60:00Z", "2026-11-26T17:28:60Z", "2026-11-26T17:28:01.1234567890Z",
                "2026-11-2aT17:28:01Z", "yesterday")) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).as(text).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> StoredTimestamp.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }
}
