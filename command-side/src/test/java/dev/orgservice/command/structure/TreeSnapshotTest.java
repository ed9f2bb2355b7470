package dev.orgservice.command.structure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Tree snapshots made from the cached tree ({@link TreeSnapshotter}), with a threshold of 5 events. */
@TestPropertySource(properties = "org.snapshots.tree-threshold=5")
class TreeSnapshotTest extends CommandSideIntegrationTest {

    @Autowired
    @Qualifier("treeCache")
    private Cache treeCache;

    @Test
    void writesTheCachedTreeAsASnapshotThatLoadsAfterTheCacheIsGone() throws Exception {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("snap"), 7);

        JsonNode snapshot = awaitSnapshot(OrganizationTree.idOf(tree.tenantId()));
        long sequence = snapshot.get("sequence").asLong();
        assertThat(snapshot.get("payloadType").asText()).isEqualTo(OrganizationTree.class.getName());
        assertThat(snapshot.get("payloadRevision").asText()).as("the tree's @Revision").isEqualTo("11");
        assertThat(snapshot.get("state").get("units").size()).as("one unit per event up to the snapshot")
                .isEqualTo((int) sequence + 1);

        treeCache.removeAll();
        String first = tree.departments().get(0);
        String later = requests().create(tree.units(), tree.editor(), TreeRequests.department("D8", tree.root()));
        Http.Response moved = http.post(tree.units() + "/" + later + "/move", tree.editor(),
                "{\"newParentId\":\"" + first + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Http.Response duplicate = http.post(tree.units(), tree.editor(), TreeRequests.department("D3", tree.root()));
        assertThat(duplicate.status()).as("the reloaded tree knows the codes from the snapshot").isEqualTo(409);
        Http.Response renamed = http.send("PATCH", tree.units() + "/" + first, tree.editor(), "{\"name\":\"First\"}",
                Map.of("If-Match", "\"1\""));
        assertThat(renamed.status()).as("the reloaded tree knows the units' revisions: " + renamed.body()).isEqualTo(200);
    }

    @Test
    void writesInstantsAsNumbersAndStillReadsASnapshotThatHasThemAsText() throws Exception {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("snap-num"), 7);
        String treeId = OrganizationTree.idOf(tree.tenantId());
        JsonNode state = awaitSnapshot(treeId).get("state");
        JsonNode unit = state.get("units").elements().next();
        assertThat(unit.at("/parents/0/from").isNumber()).as("an instant as seconds.nanoseconds: " + unit).isTrue();

        // as every snapshot before SnapshotSerialization was written: each instant as ISO text
        int rewritten = instantsAsText(state);
        assertThat(rewritten).isGreaterThan(8);
        try (Connection db = TestDatabase.get().connectAsAdmin();
             PreparedStatement older = db.prepareStatement("""
                     update event_store.snapshot_event_entry set payload = convert_to(?, 'UTF8')
                     where aggregate_identifier = ?""")) {
            older.setString(1, state.toString());
            older.setString(2, treeId);
            assertThat(older.executeUpdate()).isEqualTo(1);
        }

        treeCache.removeAll();
        Http.Response duplicate = http.post(tree.units(), tree.editor(), TreeRequests.department("D3", tree.root()));
        assertThat(duplicate.status()).as("the tree came from the text snapshot: " + duplicate.body()).isEqualTo(409);
        String first = tree.departments().get(0);
        Http.Response moved = http.post(tree.units() + "/" + tree.departments().get(1) + "/move", tree.editor(),
                "{\"newParentId\":\"" + first + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    /** Every number in {@code node} whose field names an instant, as ISO text; answers how many. */
    private static int instantsAsText(JsonNode node) {
        int count = 0;
        if (node instanceof ObjectNode object) {
            for (var fields = object.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (field.getValue().isNumber() && INSTANT_FIELDS.contains(field.getKey())) {
                    BigDecimal seconds = field.getValue().decimalValue();
                    object.put(field.getKey(), Instant.ofEpochSecond(seconds.longValue(),
                            seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()).toString());
                    count++;
                } else {
                    count += instantsAsText(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                count += instantsAsText(element);
            }
        }
        return count;
    }

    private static final Set<String> INSTANT_FIELDS = Set.of("from", "to", "created", "closedFrom", "recordedAt",
            "effectiveFrom", "start", "end");

    @Test
    void ignoresASnapshotOfAnotherRevisionAndLoadsTheTreeFromItsEvents() throws Exception {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("snap-rev"), 7);
        String treeId = OrganizationTree.idOf(tree.tenantId());
        awaitSnapshot(treeId);
        // as a snapshot written before the tree had revisions would be, and an empty tree if it were loaded
        try (Connection db = TestDatabase.get().connectAsAdmin();
             PreparedStatement older = db.prepareStatement("""
                     update event_store.snapshot_event_entry set payload_revision = null,
                            payload = convert_to('{"treeId":"' || aggregate_identifier || '"}', 'UTF8')
                     where aggregate_identifier = ?""")) {
            older.setString(1, treeId);
            assertThat(older.executeUpdate()).isEqualTo(1);
        }

        treeCache.removeAll();
        Http.Response duplicate = http.post(tree.units(), tree.editor(), TreeRequests.department("D3", tree.root()));
        assertThat(duplicate.status()).as("the tree came from its events: " + duplicate.body()).isEqualTo(409);
        Http.Response renamed = http.send("PATCH", tree.units() + "/" + tree.root(), tree.editor(), "{\"name\":\"Root\"}",
                Map.of("If-Match", "\"0\""));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    }

    @Test
    void keepsWhenPositionsAreHeldSoThatAReloadedTreeStillRefusesToCloseAHeldPositionsUnit() throws Exception {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("snap-held"), 1);
        String department = tree.departments().get(0);
        String positions = tree.units().replace("/units", "/positions");
        Http.Response position = http.post(positions, tree.editor(),
                "{\"unitId\":\"" + department + "\",\"title\":\"Clerk\"}");
        String positionId = position.json().get("positionId").asText();
        assertThat(http.send("PUT", positions + "/" + positionId + "/holder", tree.editor(),
                "{\"personId\":\"p-1\",\"from\":\"2020-01-01\"}", Map.of()).status()).isEqualTo(200);
        for (int i = 2; i <= 6; i++) {
            requests().create(tree.units(), tree.editor(), TreeRequests.department("D" + i, tree.root()));
        }
        JsonNode snapshot = awaitSnapshot(OrganizationTree.idOf(tree.tenantId()), 4);
        assertThat(snapshot.get("state").get("positions").get(positionId).get("holdings")).hasSize(1);

        treeCache.removeAll();
        Http.Response close = http.post(tree.units() + "/" + department + "/close", tree.editor(), "{}");
        assertThat(close.status()).as("the reloaded tree knows the holding: " + close.body()).isEqualTo(409);
        assertThat(close.json().get("heldPositionId").asText()).isEqualTo(positionId);
    }

    @Test
    void readsTheDelegationsOfASnapshotWrittenWhenTheyHadARevokedFlag() throws Exception {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("snap-dlg"), 1);
        String delegations = tree.units().replace("/units", "/delegations");
        String admin = TestTokens.forTenant(tree.tenantId(), "adm", "TENANT_ADMIN");
        Http.Response granted = http.post(delegations, admin, "{\"delegatorId\":\"a\",\"delegateId\":\"b\","
                + "\"purposes\":[\"INVOICE\"],\"validFrom\":\"2030-01-01\",\"validTo\":\"2030-03-01\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        String delegation = granted.json().get("delegationId").asText();
        assertThat(http.delete(delegations + "/" + delegation + "?effectiveFrom=2030-02-01", admin).status())
                .isEqualTo(200);
        for (int i = 2; i <= 6; i++) {
            requests().create(tree.units(), tree.editor(), TreeRequests.department("D" + i, tree.root()));
        }
        String treeId = OrganizationTree.idOf(tree.tenantId());
        JsonNode snapshot = awaitSnapshot(treeId, 3); // after the revocation (sequence 3)
        // as written before 2026-11-28: each delegation with "revoked"
        ObjectNode state = (ObjectNode)
                snapshot.get("state");
        JsonNode current = state.get("delegations").get("current");
        // instants as seconds.nanoseconds since SnapshotSerialization
        assertThat(Instant.ofEpochSecond(current.get(delegation).get("validTo").longValue()).toString())
                .startsWith("2030-02-01");
        // and an earlier end than the events say, to tell a tree loaded from the snapshot from one loaded from events
        ((ObjectNode) current.get(delegation)).put("revoked", true)
                .put("validTo", "2030-01-20T00:00:00Z");
        try (Connection db = TestDatabase.get().connectAsAdmin();
             PreparedStatement older = db.prepareStatement("update event_store.snapshot_event_entry set payload = "
                     + "convert_to(?, 'UTF8') where aggregate_identifier = ?")) {
            older.setString(1, new ObjectMapper().writeValueAsString(state));
            older.setString(2, treeId);
            assertThat(older.executeUpdate()).isEqualTo(1);
        }

        treeCache.removeAll();
        assertThat(http.delete(delegations + "/" + delegation + "?effectiveFrom=2030-01-25", admin).status())
                .as("the snapshot was read, with its end").isEqualTo(404);
        assertThat(http.delete(delegations + "/" + delegation + "?effectiveFrom=2030-01-15", admin).status())
                .as("cut shorter").isEqualTo(200);
    }

    private static JsonNode awaitSnapshot(String treeId) throws Exception {
        return awaitSnapshot(treeId, 0);
    }

    /** The snapshot row, once the writer thread has stored one of that sequence or later: sequence, type, state. */
    private static JsonNode awaitSnapshot(String treeId, long minSequence) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Connection db = TestDatabase.get().connectAsAdmin();
                 PreparedStatement query = db.prepareStatement("""
                         select sequence_number, payload_type, payload_revision, convert_from(payload, 'UTF8')
                         from event_store.snapshot_event_entry where aggregate_identifier = ?""")) {
                query.setString(1, treeId);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next() && row.getLong(1) >= minSequence) {
                        ObjectMapper json = new ObjectMapper();
                        return json.createObjectNode().put("sequence", row.getLong(1)).put("payloadType", row.getString(2))
                                .put("payloadRevision", row.getString(3)).set("state", json.readTree(row.getString(4)));
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot of " + treeId);
    }

    private TreeRequests requests() {
        return new TreeRequests(http);
    }
}
