package dev.orgservice.command.messaging;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.command.structure.TreeCommand;
import dev.orgservice.platform.problem.OrgException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Lets one command at a time per tree onto the command bus: the bus opens the command's transaction, and so takes a
 * pooled connection, before Axon's lock on the tree, so commands queued behind one busy tree (a big import, a reload)
 * each held a connection while they waited, and twenty of them left none for any other tenant (found by a concurrency
 * review, 2026-11-28: {@code TreeLockConnectionsTest}). Waiting here holds a request thread but no connection. The
 * commands of one tree ran one at a time under Axon's lock anyway; a gate is kept only while someone holds or awaits
 * it (weak values). Per instance, as Axon's lock: instances sharing the store still meet at the store's unique key.
 * <p>
 * At most {@code org.commands.tree-gate-max-waiting} commands wait at one tree; the next is answered {@code 503} at
 * once. Each waiter holds a request thread (Tomcat has 200), so without that bound one tenant sending a flood of
 * commands to its own tree could take every thread for up to the timeout and stall all other tenants.
 */
@Component
class TreeGates {

    private final LoadingCache<String, Semaphore> gates = Caffeine.newBuilder().weakValues()
            .build(tree -> new Semaphore(1, true));
    private final Duration timeout;
    private final int maxWaiting;

    TreeGates(@Value("${org.commands.tree-gate-timeout:PT30S}") Duration timeout,
              @Value("${org.commands.tree-gate-max-waiting:32}") int maxWaiting) {
        this.timeout = timeout;
        this.maxWaiting = maxWaiting;
    }

    /** Sends through the gate of the command's tree, if it is a tree command; 503 if the tree stays busy too long. */
    <R> R through(Object command, Supplier<R> send) {
        if (!(command instanceof TreeCommand tree)) {
            return send.get();
        }
        Semaphore gate = gates.get(tree.treeId());
        try {
            // the queue length is an estimate: the bound may be passed by a few, which is all it needs
            if (gate.getQueueLength() >= maxWaiting || !gate.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OrgException(ErrorCode.UNAVAILABLE, "The tenant's organization tree is busy with other "
                        + "changes; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrgException(ErrorCode.UNAVAILABLE, "Interrupted while waiting for the organization tree");
        }
        try {
            return send.get();
        } finally {
            gate.release();
        }
    }
}
