package dev.orgservice.command.structure;

import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tree's integration tests set up over HTTP: an active tenant, and units created one by one. */
record TreeRequests(Http http) {

    static final String ROOT = "{\"type\":\"LEGAL_ENTITY\",\"code\":\"ROOT\",\"name\":\"Root\",\"country\":\"DE\","
            + "\"currency\":\"EUR\"}";

    UUID activeTenant(String slug) {
        return activeTenant(slug, "STANDARD");
    }

    UUID activeTenant(String slug, String plan) {
        String admin = TestTokens.platformAdmin();
        Http.Response created = http.post("/api/v1/tenants", admin, Http.newTenant(slug, plan));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID tenantId = UUID.fromString(created.json().get("tenantId").asText());
        assertThat(http.post("/api/v1/tenants/" + tenantId + "/activate", admin, "{}").status()).isEqualTo(200);
        return tenantId;
    }

    /** An active tenant's tree, created over HTTP: its editor's token, the units path, the root and departments. */
    record Tree(UUID tenantId, String editor, String units, String root, List<String> departments) {
    }

    /** A new active tenant with a root legal entity and {@code departments} departments D1, D2 ... under it. */
    Tree rootWithDepartments(String slug, int departments) {
        return rootWithDepartments(slug, "STANDARD", departments);
    }

    Tree rootWithDepartments(String slug, String plan, int departments) {
        UUID tenantId = activeTenant(slug, plan);
        String editor = TestTokens.forTenant(tenantId, "ed", "ORG_EDITOR");
        String units = "/api/v1/tenants/" + tenantId + "/units";
        String root = create(units, editor, ROOT);
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= departments; i++) {
            created.add(create(units, editor, department("D" + i, root)));
        }
        return new Tree(tenantId, editor, units, root, created);
    }

    /** Answers the new unit's id. */
    String create(String units, String token, String body) {
        Http.Response created = http.post(units, token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("unitId").asText();
    }

    static String department(String code, String parentId) {
        return "{\"type\":\"DEPARTMENT\",\"code\":\"" + code + "\",\"name\":\"Department " + code + "\",\"parentId\":\""
                + parentId + "\"}";
    }

    /** How many events the tenant's tree has in the event store: what a refused command must leave unchanged. */
    static long treeEvents(UUID tenantId) throws SQLException {
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement query = db.prepareStatement(
                "select count(*) from event_store.domain_event_entry where aggregate_identifier = ?")) {
            query.setString(1, OrganizationTree.idOf(tenantId));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
