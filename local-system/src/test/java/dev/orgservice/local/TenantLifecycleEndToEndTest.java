package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Both services, as deployed: commands over HTTP on one, reads of the same writes over HTTP on the other. */
class TenantLifecycleEndToEndTest extends RunningSystem {

    @Test
    void aTenantGoesThroughItsWholeLifeAndEveryStepIsReadableAtOnceOnTheQuerySide() {
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = commands.post("/api/v1/tenants", ADMIN, Http.newTenant(slug, "STANDARD"));
        assertThat(created.status()).isEqualTo(201);
        String tenantId = created.json().get("tenantId").asText();
        String tenantAdmin = TestTokens.forTenant(UUID.fromString(tenantId), "alice", "TENANT_ADMIN");

        JsonNode tenant = read("/api/v1/tenants/" + tenantId, created, ADMIN);
        assertThat(tenant.get("status").asText()).isEqualTo("PROVISIONING");
        assertThat(read("/api/v1/tenants/by-slug/" + slug, created, tenantAdmin).get("tenantId").asText())
                .isEqualTo(tenantId);

        Http.Response activated = commands.post("/api/v1/tenants/" + tenantId + "/activate", ADMIN, "{}");
        assertThat(read("/api/v1/tenants/" + tenantId, activated, tenantAdmin).get("status").asText()).isEqualTo("ACTIVE");

        Http.Response configured = commands.patch("/api/v1/tenants/" + tenantId + "/configuration", tenantAdmin,
                "{\"name\":\"Renamed GmbH\",\"dataRetentionDays\":365,\"settings\":{\"ui.theme\":\"dark\"}}");
        JsonNode configuration = read("/api/v1/tenants/" + tenantId, configured, tenantAdmin).get("configuration");
        assertThat(configuration.get("name").asText()).isEqualTo("Renamed GmbH");
        assertThat(configuration.get("dataRetentionDays").asInt()).isEqualTo(365);
        assertThat(configuration.at("/settings/ui.theme").asText()).isEqualTo("dark");

        Http.Response toggled = commands.put("/api/v1/tenants/" + tenantId + "/features/advanced-approvals", tenantAdmin,
                "{\"enabled\":true}");
        JsonNode feature = read("/api/v1/tenants/" + tenantId + "/features/advanced-approvals", toggled, tenantAdmin);
        assertThat(feature.get("source").asText()).isEqualTo("TENANT");

        Http.Response downgraded = commands.put("/api/v1/tenants/" + tenantId + "/subscription", ADMIN,
                "{\"plan\":\"FREE\",\"status\":\"PAST_DUE\",\"seats\":5,\"billingCycle\":\"MONTHLY\",\"trialEndsAt\":\"2027-01-31\"}");
        JsonNode afterDowngrade = read("/api/v1/tenants/" + tenantId, downgraded, ADMIN);
        assertThat(afterDowngrade.at("/subscription/plan").asText()).isEqualTo("FREE");
        assertThat(afterDowngrade.at("/subscription/trialEndsAt").asText()).isEqualTo("2027-01-31T00:00:00Z");
        assertThat(afterDowngrade.at("/limits/maxUnits").asInt()).isEqualTo(50);
        Http.Response blankEmail = commands.put("/api/v1/tenants/" + tenantId + "/subscription", ADMIN,
                "{\"plan\":\"FREE\",\"status\":\"PAST_DUE\",\"billingEmail\":\"\"}");
        assertThat(blankEmail.status()).as(blankEmail.body()).isEqualTo(400);
        assertThat(blankEmail.json().get("errors").get(0).get("field").asText()).isEqualTo("billingEmail");
        assertThat(read("/api/v1/tenants/" + tenantId + "/features/advanced-approvals", downgraded, tenantAdmin)
                .get("source").asText()).isEqualTo("PLAN");

        Http.Response suspended = commands.post("/api/v1/tenants/" + tenantId + "/suspend", ADMIN,
                "{\"reason\":\"invoice overdue\"}");
        assertThat(read("/api/v1/tenants/" + tenantId, suspended, tenantAdmin).get("status").asText()).isEqualTo("SUSPENDED");
        Http.Response offboarded = commands.post("/api/v1/tenants/" + tenantId + "/offboard", ADMIN,
                "{\"reason\":\"contract ended\"}");
        assertThat(read("/api/v1/tenants/" + tenantId, offboarded, ADMIN).get("status").asText()).isEqualTo("OFFBOARDED");
        assertThat(commands.post("/api/v1/tenants/" + tenantId + "/reactivate", ADMIN, "{}").status()).isEqualTo(409);
        assertThat(commands.post("/api/v1/tenants", ADMIN, Http.newTenant(slug, "FREE")).status())
                .as("an offboarded tenant's slug is never reused").isEqualTo(409);
    }

    @Test
    void refusesASubscriptionChangeMadeOnAnOldReadOfTheTenant() {
        Http.Response created = commands.post("/api/v1/tenants", ADMIN,
                Http.newTenant("rev-" + UUID.randomUUID().toString().substring(0, 8), "STANDARD"));
        String tenantId = created.json().get("tenantId").asText();
        String etag = "\"" + read("/api/v1/tenants/" + tenantId, created, ADMIN).get("revision").asLong() + "\"";
        String subscription = "/api/v1/tenants/" + tenantId + "/subscription";

        // two operators read the tenant; the first changes the subscription, the second still sends what it read
        Http.Response first = commands.send("PUT", subscription, ADMIN,
                "{\"plan\":\"ENTERPRISE\",\"status\":\"ACTIVE\",\"seats\":500}", Map.of("If-Match", etag));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"" + first.json().get("revision").asLong() + "\"");
        Http.Response second = commands.send("PUT", subscription, ADMIN,
                "{\"plan\":\"FREE\",\"status\":\"ACTIVE\",\"seats\":5}", Map.of("If-Match", etag));
        assertThat(second.status()).as(second.body()).isEqualTo(412);
        assertThat(second.json().get("type").asText()).endsWith("/precondition-failed");
        assertThat(second.json().get("currentRevision").asLong()).isEqualTo(first.json().get("revision").asLong());

        JsonNode tenant = read("/api/v1/tenants/" + tenantId, first, ADMIN);
        assertThat(tenant.at("/subscription/plan").asText()).as("the first change stands").isEqualTo("ENTERPRISE");
        assertThat("\"" + tenant.get("revision").asLong() + "\"").isEqualTo(first.header("ETag"));
        Http.Response activated = commands.send("POST", "/api/v1/tenants/" + tenantId + "/activate", ADMIN, "{}",
                Map.of("If-Match", first.header("ETag")));
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    }

    @Test
    void theReadModelHoldsExactlyTheTenantsOfTheEventStore() throws Exception {
        Http.Response last = null;
        for (int i = 0; i < 5; i++) {
            last = commands.post("/api/v1/tenants", ADMIN, Http.newTenant("rec-" + UUID.randomUUID().toString()
                    .substring(0, 8), "FREE"));
            assertThat(last.status()).isEqualTo(201);
        }
        assertThat(queries.get("/api/v1/tenants?size=1&minPosition=" + last.position(), ADMIN).status()).isEqualTo(200);

        try (Connection db = TestDatabase.get().connectAsAdmin(); Statement sql = db.createStatement();
             ResultSet diff = sql.executeQuery("""
                     select count(*) from event_store.domain_event_entry e
                     full join read_model.tenant t on t.tenant_id::text = e.aggregate_identifier
                     where (e.payload_type like '%.TenantCreatedEvent' or e.event_identifier is null)
                       and (t.tenant_id is null or e.event_identifier is null)""")) {
            diff.next();
            assertThat(diff.getLong(1)).as("tenants missing on either side").isZero();
        }
    }

}
