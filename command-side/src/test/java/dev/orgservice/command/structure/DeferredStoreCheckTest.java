package dev.orgservice.command.structure;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.command.tenant.RegistryTenantGuard;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.orgservice.command.RegistryLocks.awaitLockWaiter;
import static dev.orgservice.command.RegistryLocks.holdRow;
import static dev.orgservice.command.RegistryLocks.lastIndex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on a cached tree take the tenant's registry row as this instance last read it ({@link DeferredStoreCheck}):
 * each test changes the row or the tree behind the instance's back, as another command-side instance sharing the
 * store would, and the next command must answer as if it had read and locked the row first.
 */
class DeferredStoreCheckTest extends CommandSideIntegrationTest {

    @Autowired
    @Qualifier("treeCache")
    private Cache treeCache;

    @Autowired
    private RegistryTenantGuard guard;

    @Test
    void aSuspensionByAnotherInstanceRefusesACommandThatWouldAppend() throws Exception {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("deferred"), 1);
        long events = TreeRequests.treeEvents(tree.tenantId());

        updateRegistryAsAnotherInstance(tree.tenantId(), "status = 'SUSPENDED'");

        assertProblem(http.post(tree.units(), tree.editor(), TreeRequests.department("D2", tree.root())), 409,
                "tenant-suspended");
        assertThat(TreeRequests.treeEvents(tree.tenantId())).as("nothing appended").isEqualTo(events);
    }

    @Test
    void aSuspensionByAnotherInstanceRefusesACommandThatChangesNothing() throws Exception {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("deferred"), 1);
        String department = tree.units() + "/" + tree.departments().get(0);
        assertThat(http.patch(department, tree.editor(), "{}").status()).as("a change of nothing, on an active tenant")
                .isEqualTo(200);

        updateRegistryAsAnotherInstance(tree.tenantId(), "status = 'SUSPENDED'");

        assertProblem(http.patch(department, tree.editor(), "{}"), 409, "tenant-suspended");
    }

    /**
     * The attack on a check made at the append: another instance suspends the tenant while this command is on its
     * way to the store. The append waits for the suspension's lock on the row, without taking an event index, and
     * then finds the row changed.
     */
    @Test
    void aSuspensionCommittedWhileTheAppendWaitsForTheRowRefusesTheCommand() throws Exception {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("deferred"), 1);
        long events = TreeRequests.treeEvents(tree.tenantId());

        try (Connection suspension = TestDatabase.get().connectAsAdmin()) {
            holdRow(suspension, tree.tenantId());
            long before = lastIndex();
            CompletableFuture<Http.Response> create = CompletableFuture.supplyAsync(() ->
                    http.post(tree.units(), tree.editor(), TreeRequests.department("D2", tree.root())));
            awaitLockWaiter("the create's append");
            assertThat(lastIndex()).as("no event index taken while the append waits").isEqualTo(before);
            try (PreparedStatement suspend = suspension.prepareStatement(
                    "update event_store.tenant_registry set status = 'SUSPENDED' where tenant_id = ?")) {
                suspend.setObject(1, tree.tenantId());
                suspend.executeUpdate();
            }
            suspension.commit();

            assertProblem(create.get(30, TimeUnit.SECONDS), 409, "tenant-suspended");
        }
        assertThat(TreeRequests.treeEvents(tree.tenantId())).as("nothing appended").isEqualTo(events);
    }

    @Test
    void aPlanLimitLoweredByAnotherInstanceHolds() throws Exception {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("deferred"), 2);

        updateRegistryAsAnotherInstance(tree.tenantId(), "max_units = 3");

        Http.Response refused = http.post(tree.units(), tree.editor(), TreeRequests.department("D3", tree.root()));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("maxUnits").asInt()).isEqualTo(3);
    }

    @Test
    void aReactivationByAnotherInstanceLetsTheNextCommandThroughThoughThisInstanceLastSawTheTenantSuspended()
            throws Exception {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("deferred"), 1);
        updateRegistryAsAnotherInstance(tree.tenantId(), "status = 'SUSPENDED'");
        assertProblem(http.post(tree.units(), tree.editor(), TreeRequests.department("D2", tree.root())), 409,
                "tenant-suspended");
        assertProblem(http.post(tree.units(), tree.editor(), TreeRequests.department("D2", tree.root())), 409,
                "tenant-suspended");

        updateRegistryAsAnotherInstance(tree.tenantId(), "status = 'ACTIVE'");

        Http.Response created = http.post(tree.units(), tree.editor(), TreeRequests.department("D2", tree.root()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void commandsOnAnUnchangedTenantKeepTheCachedTree() throws Exception {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("deferred"), 1);
        Object cached = cachedTree(tree.tenantId());
        String department = tree.units() + "/" + tree.departments().get(0);

        assertThat(http.patch(department, tree.editor(), "{\"name\":\"Renamed\"}").status()).isEqualTo(200);
        assertThat(http.patch(department, tree.editor(), "{}").status()).isEqualTo(200);
        assertThat(http.post(tree.units(), tree.editor(), TreeRequests.department("D2", tree.root())).status())
                .isEqualTo(201);

        assertThat(cachedTree(tree.tenantId())).as("no command was taken for a conflict, which would have dropped the tree").isSameAs(cached);
    }

    /**
     * Another instance changes the tenant's registry row (here a change of nothing but its revision, as a toggle set
     * twice). PostgreSQL announces it and this instance forgets the row ({@code RegistryChanges}), so the next command
     * reads it: without that, its append would fail on the old revision and the rollback would throw the tree away,
     * though it was as new as the store (found by a review, 2026-11-29).
     */
    @Test
    void aRegistryChangeByAnotherInstanceKeepsTheUpToDateTreeCached() throws Exception {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("deferred"), 1);
        Object cached = cachedTree(tree.tenantId());
        assertThat(guard.remembers(tree.tenantId())).isTrue();

        updateRegistryAsAnotherInstance(tree.tenantId(), "plan = plan");

        for (int attempt = 0; attempt < 100 && guard.remembers(tree.tenantId()); attempt++) {
            Thread.sleep(50);
        }
        assertThat(guard.remembers(tree.tenantId())).as("the announced change forgets the row").isFalse();
        String department = tree.units() + "/" + tree.departments().get(0);
        assertThat(http.patch(department, tree.editor(), "{\"name\":\"Renamed\"}").status()).isEqualTo(200);
        assertThat(cachedTree(tree.tenantId())).as("the tree was as new as the store: kept").isSameAs(cached);
    }

    private static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asText()).endsWith("/" + type);
    }

    /**
     * A refusal on a stale cached tree is checked against the store before it counts; when that check itself fails
     * (here cancelled, 57014, as a statement timeout would), the refusal is no answer: the command is retried (201)
     * or answered 503, as when the row read before the handler failed (found by a review, 2026-11-29).
     */
    @Test
    void aStaleTreeRefusalWhoseRecheckFailsIsNotAnsweredAsARefusal() throws Exception {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("deferred"), 1);
        UUID second = UUID.randomUUID();
        StoreCheckedTreeCacheTest.appendAsAnotherInstance(OrganizationTree.idOf(tree.tenantId()), tree.departments().get(0),
                second.toString());

        Http.Response response;
        try (Connection holder = TestDatabase.get().connectAsAdmin()) {
            holdRow(holder, tree.tenantId());
            CompletableFuture<Http.Response> child = CompletableFuture.supplyAsync(() ->
                    http.post(tree.units(), tree.editor(), TreeRequests.department("D2-1", second.toString())));
            awaitLockWaiter("the refusal's re-check");
            cancelRegistryLockWaiters();
            holder.commit();
            response = child.get(30, TimeUnit.SECONDS);
        }
        assertThat(response.status()).as("the parent exists in the store: " + response.body()).isIn(201, 503);
    }

    /** What another instance's suspension, plan change or reactivation does to the row (its events aside). */
    private static void updateRegistryAsAnotherInstance(UUID tenantId, String assignment) throws Exception {
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement update = db.prepareStatement(
                "update event_store.tenant_registry set " + assignment + " where tenant_id = ?")) {
            update.setObject(1, tenantId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void cancelRegistryLockWaiters() throws Exception {
        try (Connection db = TestDatabase.get().connectAsAdmin(); Statement query = db.createStatement();
             ResultSet cancelled = query.executeQuery("select count(*) filter (where pg_cancel_backend(pid)) "
                     + "from pg_stat_activity where wait_event_type = 'Lock' and query like '%tenant_registry%' "
                     + "and pid <> pg_backend_pid()")) {
            cancelled.next();
            assertThat(cancelled.getLong(1)).isEqualTo(1);
        }
    }

    private Object cachedTree(UUID tenantId) {
        return BoundedTreeCache.aggregateOf(treeCache.get(OrganizationTree.idOf(tenantId)));
    }
}
