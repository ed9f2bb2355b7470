package dev.orgservice.command.structure;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The cached tree against the event store ({@link StoreCheckedTreeCache}): reloaded when, and only when, stale. */
class StoreCheckedTreeCacheTest extends CommandSideIntegrationTest {

    @Autowired
    @Qualifier("treeCache")
    private Cache treeCache;

    @Test
    void concurrentCommandsOnOneTreeKeepTheCachedTree() throws Exception {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("fresh"), 8);
        UUID tenantId = tree.tenantId();
        String editor = tree.editor();
        String units = tree.units();
        List<String> departments = tree.departments();
        Object cached = cachedTree(tenantId);
        assertThat(cached).isNotNull();

        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> renames = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String unit = units + "/" + departments.get(i % departments.size());
                String body = "{\"name\":\"Renamed " + i + "\"}";
                renames.add(() -> http.patch(unit, editor, body).status());
            }
            for (Future<Integer> status : clients.invokeAll(renames)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(cachedTree(tenantId)).as("the tree this instance keeps up to date is never reloaded")
                .isSameAs(cached);
    }

    @Test
    void aTreeAnotherInstanceAppendedToIsReloadedBeforeTheNextCommand() throws Exception {
        UUID tenantId = requests().activeTenant(uniqueSlug("fresh"));
        String editor = TestTokens.forTenant(tenantId, "ed", "ORG_EDITOR");
        String units = "/api/v1/tenants/" + tenantId + "/units";
        String root = requests().create(units, editor, TreeRequests.ROOT);
        String first = requests().create(units, editor, TreeRequests.department("D1", root));
        Object cached = cachedTree(tenantId);

        UUID second = UUID.randomUUID();
        appendAsAnotherInstance(OrganizationTree.idOf(tenantId), first, second.toString());

        Http.Response child = http.post(units, editor, TreeRequests.department("D1-1", second.toString()));
        assertThat(child.status()).as("the unit the other instance created is known: " + child.body()).isEqualTo(201);
        assertThat(http.post(units, editor, TreeRequests.department("D2", root)).status()).as("and its code is taken")
                .isEqualTo(409);
        assertThat(cachedTree(tenantId)).isNotSameAs(cached);
    }

    /**
     * Another command-side instance creates department D2 on the same tree: a copy of the tree's last event
     * (D1 created), with the next sequence number, its own event id, D2's id and code.
     */
    static void appendAsAnotherInstance(String treeId, String firstUnit, String secondUnit) throws Exception {
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement insert = db.prepareStatement("""
                insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                    type, time_stamp, payload_type, payload_revision, payload, meta_data)
                select ?, aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type, payload_revision,
                       convert_to(replace(replace(convert_from(payload, 'UTF8'), ?, ?), '"D1"', '"D2"'), 'UTF8'),
                       meta_data
                from event_store.domain_event_entry where aggregate_identifier = ?
                order by sequence_number desc limit 1""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, firstUnit);
            insert.setString(3, secondUnit);
            insert.setString(4, treeId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private Object cachedTree(UUID tenantId) {
        return BoundedTreeCache.aggregateOf(treeCache.get(OrganizationTree.idOf(tenantId)));
    }

    private TreeRequests requests() {
        return new TreeRequests(http);
    }
}
