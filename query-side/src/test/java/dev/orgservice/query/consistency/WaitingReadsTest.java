package dev.orgservice.query.consistency;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads that wait for a {@code minPosition} are bounded in number (here 1): one more is answered 503 at once instead
 * of holding another request thread, while a read whose position is reached needs no place among them.
 */
@TestPropertySource(properties = "org.query.min-position-max-waiting=1")
class WaitingReadsTest extends QuerySideIntegrationTest {

    private static final String ADMIN = TestTokens.platformAdmin();

    @Test
    void aReadBeyondTheWaitingBoundIsAnsweredAtOnce() throws Exception {
        String never = "/api/v1/tenants/" + UUID.randomUUID() + "?minPosition=999999999";
        CompletableFuture<Http.Response> waiter = CompletableFuture.supplyAsync(() -> http.get(never, ADMIN));
        Thread.sleep(500); // the first read is waiting by now (the tests' timeout is 2 s)

        long start = System.nanoTime();
        Http.Response second = http.get(never, ADMIN);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(second.status()).as(second.body()).isEqualTo(503);
        assertThat(second.json().get("type").asText()).endsWith("/not-yet-consistent");
        assertThat(second.json().get("detail").asText()).contains("1 reads wait for it already");
        assertThat(second.header("Retry-After")).isEqualTo("1");
        assertThat(millis).as("not held for the timeout").isLessThan(1000);

        Http.Response reached = http.get("/api/v1/me?minPosition=0", ADMIN);
        assertThat(reached.status()).as("a reached position waits for nothing: " + reached.body()).isEqualTo(200);

        Http.Response first = waiter.get(10, TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("detail").asText()).contains("within");
        assertThat(http.get(never.replace("999999999", "0"), ADMIN).status()).as("the place is free again")
                .isIn(200, 404);
    }
}
