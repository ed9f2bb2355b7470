package dev.orgservice.command.messaging;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.command.structure.TreeCommand;
import dev.orgservice.platform.problem.OrgException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One command per tree at a time; a bounded number waiting (each holds a request thread); other trees unaffected. */
class TreeGatesTest {

    private static final int MAX_WAITING = 3;

    private final TreeGates gates = new TreeGates(Duration.ofSeconds(30), MAX_WAITING);

    @Test
    void beyondTheWaitingBoundACommandIsAnsweredUnavailableAtOnceAndOtherTreesPass() throws Exception {
        UUID busyTenant = UUID.randomUUID();
        TreeCommand busyTree = () -> busyTenant;
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> gates.through(busyTree, () -> {
            holding.countDown();
            await(release);
            return "held";
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < MAX_WAITING; i++) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            Thread waiter = new Thread(() -> answer.complete(gates.through(busyTree, () -> "waited")));
            waiter.start();
            waiting.add(answer);
            waiters.add(waiter);
        }
        awaitParked(waiters);

        long started = System.nanoTime();
        assertThatThrownBy(() -> gates.through(busyTree, () -> "one too many"))
                .isInstanceOfSatisfying(OrgException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without waiting").isLessThan(Duration.ofSeconds(1));
        TreeCommand otherTree = UUID::randomUUID;
        assertThat(gates.through(otherTree, () -> "other")).isEqualTo("other");
        assertThat(gates.through("not a tree command", () -> "tenant")).isEqualTo("tenant");

        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("held");
        for (CompletableFuture<String> waiter : waiting) {
            assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("waited");
        }
    }

    /** Until every waiter waits at the gate (a timed wait: the gate's timeout). */
    private static void awaitParked(List<Thread> waiters) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!waiters.stream().allMatch(waiter -> waiter.getState() == Thread.State.TIMED_WAITING)) {
            assertThat(System.nanoTime()).as("all waiters at the gate").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
