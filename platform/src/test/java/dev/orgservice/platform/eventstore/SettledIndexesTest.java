package dev.orgservice.platform.eventstore;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SettledIndexesTest {

    private static final long MS = 1_000_000;

    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final SettledIndexes settled = new SettledIndexes(60_000, now::get);

    @Test
    void nothingIsSettledBeforeAnIndexWasReadTheTimeoutAgo() {
        assertThat(settled.read(10)).isEqualTo(Long.MIN_VALUE);
        now.addAndGet(59_999 * MS);
        assertThat(settled.read(11)).isEqualTo(Long.MIN_VALUE);
        now.addAndGet(MS);
        assertThat(settled.read(12)).as("10 was read 60 s ago").isEqualTo(10);
    }

    @Test
    void theBoundFollowsTheReadsAsTheyAge() {
        settled.read(10);
        now.addAndGet(30_000 * MS);
        settled.read(20);
        now.addAndGet(30_000 * MS);
        assertThat(settled.read(21)).isEqualTo(10);
        now.addAndGet(29_999 * MS);
        assertThat(settled.read(22)).isEqualTo(10);
        now.addAndGet(MS);
        assertThat(settled.read(23)).isEqualTo(20);
    }

    @Test
    void aLowerIndexReadLaterByALaggingReaderDoesNotMoveTheBoundBack() {
        settled.read(100);
        now.addAndGet(60_000 * MS);
        assertThat(settled.read(5)).isEqualTo(100);
        now.addAndGet(60_000 * MS);
        assertThat(settled.read(6)).isEqualTo(100);
    }

    @Test
    void readsWithinOneStepKeepOnlyTheFirstSoTheBoundIsLateNeverEarly() {
        settled.read(10);
        now.addAndGet(100 * MS); // below the step of 60 s / 64
        settled.read(11);
        now.addAndGet(59_900 * MS);
        assertThat(settled.read(12)).isEqualTo(10);
        now.addAndGet(60_000 * MS);
        assertThat(settled.read(13)).as("11 was not kept; 12 was read 60 s ago").isEqualTo(12);
    }
}
