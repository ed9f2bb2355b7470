package dev.orgservice.platform.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void isFullAgainOnceItHasRefilledWhatWasTaken() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        assertThat(bucket.fullAt(0)).as("a new bucket").isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).as("empty").isFalse();
        assertThat(bucket.fullAt(SECOND)).isFalse();
        assertThat(bucket.fullAt(2 * SECOND)).isTrue();
    }
}
