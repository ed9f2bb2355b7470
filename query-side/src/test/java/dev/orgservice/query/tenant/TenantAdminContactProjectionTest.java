package dev.orgservice.query.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.TenantAdminContactChangedEvent;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenant read model shows the admin contact last changed to, as of the change's revision and time. */
class TenantAdminContactProjectionTest extends QuerySideIntegrationTest {

    @Test
    void showsTheNewAdminContactWithTheChangesRevisionAndTime() {
        TenantId tenant = newTenant("contact");
        String viewer = TestTokens.forTenant(tenant.value(), "vic", "ORG_VIEWER");
        long activated = append("Tenant", tenant.toString(), 1, new TenantActivatedEvent(tenant));
        JsonNode before = http.get("/api/v1/tenants/" + tenant + "?minPosition=" + activated, viewer).json();

        long changed = append("Tenant", tenant.toString(), 2,
                new TenantAdminContactChangedEvent(tenant, "it-admin@acme.example"));
        JsonNode after = http.get("/api/v1/tenants/" + tenant + "?minPosition=" + changed, viewer).json();

        assertThat(before.get("adminEmail").asText()).startsWith("admin@contact-");
        assertThat(after.get("adminEmail").asText()).isEqualTo("it-admin@acme.example");
        assertThat(after.get("revision").asLong()).isEqualTo(2);
        assertThat(Instant.parse(after.get("updatedAt").asText()))
                .isAfter(Instant.parse(before.get("updatedAt").asText()));
        assertThat(after.get("status").asText()).as("nothing else changes").isEqualTo("ACTIVE");
    }
}
