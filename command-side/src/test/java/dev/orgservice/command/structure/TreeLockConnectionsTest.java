package dev.orgservice.command.structure;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * From a concurrency review (commands on one tree): a command took its pooled connection when its unit of work starts
 * (the command bus attaches the Spring transaction, and {@code DataSourceTransactionManager} opens the connection at
 * once), before Axon's per-JVM lock on the tree. Commands queued behind a tree whose lock is held (a big import, a
 * reload after a conflict, a slow command) each hold a connection while they wait, so one busy tenant exhausts the
 * pool (20) and every other tenant's command waits for a connection (up to Hikari's 30 s, then 503, retried as
 * transient). Here one command of tenant A holds its tree's lock; as many more of A's commands as the pool has
 * connections wait for that lock; tenant B's create, which needs no lock A holds, must still be answered.
 */
class TreeLockConnectionsTest extends CommandSideIntegrationTest {

    @Autowired
    CommandBus commandBus;
    @Autowired
    DataSource dataSource;

    @Test
    void commandsWaitingForOneTenantsTreeDoNotStarveOtherTenants() throws Exception {
        TreeRequests requests = new TreeRequests(http);
        TreeRequests.Tree busy = requests.rootWithDepartments(uniqueSlug("busy"), 0);
        TreeRequests.Tree other = requests.rootWithDepartments(uniqueSlug("other"), 0);
        HikariPoolMXBean pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
        int connections = ((HikariDataSource) dataSource).getMaximumPoolSize();

        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the busy tenant's "HOLD" command keeps its tree's lock (held until its unit of work cleans up) for a while
        Registration hold = commandBus.registerHandlerInterceptor(holdAfterHandler(busy.tenantId(), holding, release));
        ExecutorService clients = Executors.newFixedThreadPool(connections + 2);
        try {
            List<Future<Http.Response>> queued = new ArrayList<>();
            queued.add(clients.submit(() -> http.post(busy.units(), busy.editor(),
                    TreeRequests.department("HOLD", busy.root()))));
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("the holding command runs").isTrue();
            for (int i = 0; i < connections; i++) {
                String code = "Q" + i;
                queued.add(clients.submit(() -> http.post(busy.units(), busy.editor(),
                        TreeRequests.department(code, busy.root()))));
            }
            awaitQueued(pool, connections);

            CompletableFuture<Http.Response> otherTenant = CompletableFuture.supplyAsync(
                    () -> http.post(other.units(), other.editor(), TreeRequests.department("B1", other.root())),
                    clients);
            try {
                Http.Response answer = otherTenant.get(10, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            } catch (TimeoutException e) {
                fail("tenant B's create, which waits for no lock, got no answer within 10 s: every pooled connection "
                        + "is held by tenant A's commands waiting for A's tree (active " + pool.getActiveConnections()
                        + " of " + connections + ", threads awaiting a connection " + pool.getThreadsAwaitingConnection()
                        + ")");
            }
        } finally {
            release.countDown();
            hold.cancel();
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    private static MessageHandlerInterceptor<CommandMessage<?>> holdAfterHandler(UUID tenantId, CountDownLatch holding,
                                                                                 CountDownLatch release) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork.getMessage().getPayload() instanceof CreateUnitCommand create
                    && create.tenantId().equals(tenantId) && create.code().equals("HOLD")) {
                holding.countDown();
                release.await(60, TimeUnit.SECONDS);
            }
            return result;
        };
    }

    /**
     * Time for the queued commands to arrive: before {@code TreeGates} each started its unit of work, holding a
     * connection while it waited for the tree's lock, until the pool was full; now they wait at the tree's gate.
     */
    private static void awaitQueued(HikariPoolMXBean pool, int connections) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (pool.getActiveConnections() < connections && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
