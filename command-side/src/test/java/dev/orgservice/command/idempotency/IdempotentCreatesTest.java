package dev.orgservice.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.command.structure.OrganizationTree;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Creates sent again with their {@code Idempotency-Key} (IdempotencyKeys), over HTTP on a real PostgreSQL. */
class IdempotentCreatesTest extends CommandSideIntegrationTest {

    private static final String ROOT = "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT\",\"name\":\"Root\","
            + "\"country\":\"DE\",\"currency\":\"EUR\"}";

    @Autowired
    private IdempotencyKeys keys;

    private UUID tenantId;
    private String editor;
    private String units;
    private String positions;
    private String rootId;

    @BeforeEach
    void tenantWithARoot() {
        tenantId = UUID.fromString(newActiveTenant("idem"));
        editor = TestTokens.forTenant(tenantId, "ed", "ORG_EDITOR");
        units = "/api/v1/tenants/" + tenantId + "/units";
        positions = "/api/v1/tenants/" + tenantId + "/positions";
        rootId = http.post(units, editor, ROOT).json().get("unitId").asText();
    }

    @Test
    void aUnitCreateSentAgainWithItsKeyIsAnsweredAsTheFirstTimeAndCreatesNothing() throws SQLException {
        String body = department("D1");
        Http.Response first = post(units, body, "unit-d1");
        Http.Response again = post(units, body, "unit-d1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(again.json().get("unitId")).isEqualTo(first.json().get("unitId"));
        assertThat(again.json().get("revision")).isEqualTo(first.json().get("revision"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.position()).as("a read at the answer's position sees the unit").isGreaterThanOrEqualTo(
                first.position());
        assertThat(events("UnitCreated")).as("the root and D1, once").isEqualTo(2);
        assertThat(http.post(units, editor, body).status()).as("without the key: a second create of D1").isEqualTo(409);
    }

    @Test
    void aPositionCreateSentAgainWithItsKeyCreatesOnePositionWhereWithoutAKeyItCreatesTwo() throws SQLException {
        String body = position("Clerk");
        Http.Response first = post(positions, body, "clerk-1");
        String firstId = first.json().get("positionId").asText();
        Http.Response again = post(positions, body, "\"clerk-1\"");

        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("positionId").asText()).as("the key sent as a structured-field string")
                .isEqualTo(firstId);
        assertThat(first.json().get("revision").isIntegralNumber()).as(first.body()).isTrue();
        assertThat(again.json().get("revision")).isEqualTo(first.json().get("revision"));
        assertThat(again.header("ETag")).isEqualTo("\"" + first.json().get("revision").asLong() + "\"")
                .isEqualTo(first.header("ETag"));
        assertThat(events("PositionCreated")).isEqualTo(1);

        assertThat(http.post(positions, editor, body).status()).isEqualTo(201);
        assertThat(http.post(positions, editor, body).status()).isEqualTo(201);
        assertThat(events("PositionCreated")).as("two more without a key").isEqualTo(3);
    }

    @Test
    void importsAreAnsweredWithTheSameIdsInTheSameOrder() throws SQLException {
        String rows = "[{\"ref\":\"boss\",\"unitId\":\"" + rootId + "\",\"title\":\"Boss\",\"manager\":true},"
                + "{\"ref\":\"deputy\",\"unitId\":\"" + rootId + "\",\"title\":\"Deputy\",\"reportsToRef\":\"boss\"}]";
        Http.Response first = post(positions + "/import", rows, "import-1");
        Http.Response again = post(positions + "/import", rows, "import-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("importId")).isEqualTo(first.json().get("importId"));
        assertThat(again.json().get("positions")).as("ids and revisions").isEqualTo(first.json().get("positions"));
        assertThat(first.json().get("positions").get(1).get("revision").isIntegralNumber()).as(first.body()).isTrue();
        assertThat(events("PositionsImported")).isEqualTo(1);

        String unitRows = "[{\"type\":\"DEPARTMENT\",\"code\":\"I1\",\"name\":\"I1\",\"parentCode\":\"ROOT\"}]";
        JsonNode imported = post(units + "/import", unitRows, "units-1").json();
        JsonNode importedAgain = post(units + "/import", unitRows, "units-1").json();
        assertThat(importedAgain.get("importId")).isEqualTo(imported.get("importId"));
        assertThat(importedAgain.get("units")).as("ids and revisions").isEqualTo(imported.get("units"));
        assertThat(imported.get("units").get(0).get("revision").isIntegralNumber()).as(imported.toString()).isTrue();
        Http.Response later = post(units + "/import?effectiveFrom=2030-01-01", unitRows, "units-1");
        assertThat(later.status()).as("another effectiveFrom is another request: " + later.body()).isEqualTo(422);
    }

    @Test
    void aDelegationSentAgainWithItsKeyIsGrantedOnce() throws SQLException {
        String delegations = "/api/v1/tenants/" + tenantId + "/delegations";
        String body = "{\"delegatorId\":\"a\",\"delegateId\":\"b\",\"purposes\":[\"INVOICE\"],"
                + "\"validFrom\":\"2030-01-01\",\"validTo\":\"2030-01-05\"}";
        Http.Response first = post(delegations, body, "grant-1");
        Http.Response again = post(delegations, body, "grant-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.json().get("delegationId")).isEqualTo(first.json().get("delegationId"));
        assertThat(again.header(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(events("DelegationGranted")).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestOrFromAnotherUserIsRefusedAndAnotherTenantsKeyIsItsOwn() {
        post(positions, position("Clerk"), "k-1");

        Http.Response otherTitle = post(positions, position("Cashier"), "k-1");
        assertThat(otherTitle.status()).isEqualTo(422);
        assertThat(otherTitle.json().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(otherTitle.json().get("idempotencyKey").asText()).isEqualTo("k-1");
        assertThat(otherTitle.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        Http.Response otherUser = http.send("POST", positions, TestTokens.forTenant(tenantId, "ed2", "ORG_EDITOR"),
                position("Clerk"), Map.of(IdempotencyKeys.HEADER, "k-1"));
        assertThat(otherUser.status()).as("a retry comes from the user who sent the request").isEqualTo(422);
        Http.Response otherEndpoint = post("/api/v1/tenants/" + tenantId + "/delegations", "{\"delegatorId\":\"a\","
                + "\"delegateId\":\"b\",\"purposes\":[\"INVOICE\"],\"validFrom\":\"2030-01-01\","
                + "\"validTo\":\"2030-01-05\"}", "k-1");
        assertThat(otherEndpoint.status()).as(otherEndpoint.body()).isEqualTo(422);

        String holding = ROOT.replace("ROOT", "HOLDING");
        String ownId = post(units, holding, "k-2").json().get("unitId").asText();
        UUID other = UUID.fromString(newActiveTenant("idem-other"));
        String otherEditor = TestTokens.forTenant(other, "ed", "ORG_EDITOR");
        Http.Response root = http.send("POST", "/api/v1/tenants/" + other + "/units", otherEditor, holding,
                Map.of(IdempotencyKeys.HEADER, "k-2"));
        assertThat(root.status()).as("the key is the other tenant's own: " + root.body()).isEqualTo(201);
        assertThat(root.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(root.json().get("unitId").asText()).isNotEqualTo(ownId);
    }

    @Test
    void aRefusedRequestLeavesNoKeySoTheCorrectedOneGoesThrough() {
        Http.Response refused = post(positions, "{\"unitId\":\"" + UUID.randomUUID() + "\",\"title\":\"Clerk\"}", "k-2");
        assertThat(refused.status()).isEqualTo(404);

        Http.Response corrected = post(positions, position("Clerk"), "k-2");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
    }

    @Test
    void aKeyIsOneToTwoHundredFiftyFiveVisibleCharacters() {
        for (String bad : new String[]{"", "\"\"", "\"", "a".repeat(256), "two words", "quote\"inside",
                "sent,twice"}) {
            Http.Response answer = post(positions, position("Clerk"), bad);
            assertThat(answer.status()).as("key [" + bad + "]: " + answer.body()).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(IdempotencyKeys.HEADER);
        }
        assertThat(post(positions, position("Clerk"), "a".repeat(255)).status()).isEqualTo(201);
    }

    @Test
    void aKeyPastItsRetentionIsForgottenAndCreatesAgain() throws SQLException {
        String firstId = post(positions, position("Clerk"), "old").json().get("positionId").asText();
        age("old");

        Http.Response later = post(positions, position("Clerk"), "old");
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.json().get("positionId").asText()).as("a new position").isNotEqualTo(firstId);
        assertThat(later.header(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(post(positions, position("Clerk"), "old").json().get("positionId").asText())
                .as("the key now answers the second create").isEqualTo(later.json().get("positionId").asText());

        age("old");
        keys.forgetExpired();
        assertThat(storedKeys()).isZero();
    }

    @Test
    void aRequestRacingAnotherWithItsKeyIsRefusedAtOnceWithoutCreating() throws Exception {
        try (Connection db = TestDatabase.get().connectAsAdmin()) {
            db.setAutoCommit(false);
            // what the other request's claim holds until its transaction ends: the key's lock and its row
            try (PreparedStatement lock = db.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended('request-key/' || ?::text || '/race', 0))");
                 PreparedStatement other = db.prepareStatement("insert into event_store.request_key "
                         + "(tenant_id, idempotency_key, fingerprint, ids) values (?, 'race', '\\x00', '{}')")) {
                lock.setObject(1, tenantId);
                lock.execute();
                other.setObject(1, tenantId);
                other.executeUpdate();
            }
            Http.Response answer = CompletableFuture.supplyAsync(() -> post(positions, position("Clerk"), "race"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as("answered while the other request is in flight: " + answer.body())
                    .isEqualTo(409);
            assertThat(answer.json().get("type").asText()).endsWith("/concurrent-change");
            db.rollback();
        }
        assertThat(events("PositionCreated")).isZero();
        assertThat(post(positions, position("Clerk"), "race").status())
                .as("once the other request failed, the key is free again").isEqualTo(201);
    }

    private Http.Response post(String path, String body, String key) {
        return http.send("POST", path, editor, body, Map.of(IdempotencyKeys.HEADER, key));
    }

    private String department(String code) {
        return "{\"type\":\"DEPARTMENT\",\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"parentId\":\"" + rootId
                + "\"}";
    }

    private String position(String title) {
        return "{\"unitId\":\"" + rootId + "\",\"title\":\"" + title + "\"}";
    }

    /** The tenant's events of one type in the store. */
    private long events(String type) throws SQLException {
        return count("select count(*) from event_store.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like ?", OrganizationTree.idOf(tenantId), "%." + type + "Event");
    }

    private long storedKeys() throws SQLException {
        return count("select count(*) from event_store.request_key where tenant_id = ?::uuid", tenantId.toString(),
                null);
    }

    private void age(String key) throws SQLException {
        try (Connection db = TestDatabase.get().connectAsAdmin();
             PreparedStatement older = db.prepareStatement("update event_store.request_key "
                     + "set created_at = created_at - interval '25 hours' where tenant_id = ? and idempotency_key = ?")) {
            older.setObject(1, tenantId);
            older.setString(2, key);
            assertThat(older.executeUpdate()).isEqualTo(1);
        }
    }

    private static long count(String sql, String first, String second) throws SQLException {
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, first);
            if (second != null) {
                query.setString(2, second);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
