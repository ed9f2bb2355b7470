package dev.orgservice.query.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggledEvent;
import dev.orgservice.api.tenant.TenantOffboardedEvent;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import dev.orgservice.query.QuerySideIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TenantQueryApiTest extends QuerySideIntegrationTest {

    private static final String ADMIN = TestTokens.platformAdmin();

    @Test
    void readsItsOwnWriteByWaitingForTheGivenPosition() {
        TenantId tenant = TenantId.random();
        String slug = "rw-" + tenant.value().toString().substring(0, 8);
        append("Tenant", tenant.toString(), 0, TenantTestEvents.created(tenant, slug));
        long position = append("Tenant", tenant.toString(), 1, new TenantActivatedEvent(tenant));

        Http.Response read = http.get("/api/v1/tenants/" + tenant + "?minPosition=" + position, ADMIN);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(read.json().get("slug").asText()).isEqualTo(slug);
        assertThat(read.json().at("/configuration/timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.json().get("revision").asLong()).as("the sequence number of its last event").isEqualTo(1);
        assertThat(http.get("/api/v1/tenants/by-slug/" + slug + "?minPosition=" + position, ADMIN).status())
                .isEqualTo(200);
    }

    /** Only new input is checked against the currencies in use: what was recorded before a withdrawal still reads. */
    @Test
    void readsATenantRecordedInACurrencyWithdrawnSince() {
        TenantId tenant = TenantId.random();
        TenantCreatedEvent created = TenantTestEvents.created(tenant, "dem-" + tenant.value().toString().substring(0, 8));
        TenantConfiguration marks = new TenantConfiguration(created.configuration().name(), "de-DE", "Europe/Berlin",
                "DEM", 3650, Map.of());
        long position = append("Tenant", tenant.toString(), 0, new TenantCreatedEvent(tenant, created.slug(),
                created.country(), created.adminEmail(), marks, created.planTerms(), created.subscription()));

        Http.Response read = http.get("/api/v1/tenants/" + tenant + "?minPosition=" + position, ADMIN);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().at("/configuration/currency").asText()).isEqualTo("DEM");
    }

    @Test
    void anOffboardedTenantsUsersReadOnlyTheTenantItself() {
        TenantId tenant = TenantId.random();
        append("Tenant", tenant.toString(), 0, TenantTestEvents.created(tenant, "off-" + tenant.value().toString()
                .substring(0, 8)));
        append("Tenant", tenant.toString(), 1, new TenantActivatedEvent(tenant));
        long offboarded = append("Tenant", tenant.toString(), 2, new TenantOffboardedEvent(tenant, "contract ended"));
        String viewer = TestTokens.forTenant(tenant.value(), "viewer", "ORG_VIEWER");

        Http.Response units = http.get("/api/v1/tenants/" + tenant + "/units?minPosition=" + offboarded, viewer);
        assertThat(units.status()).as(units.body()).isEqualTo(403);
        assertThat(units.json().get("currentStatus").asText()).isEqualTo("OFFBOARDED");
        Http.Response itself = http.get("/api/v1/tenants/" + tenant + "?minPosition=" + offboarded, viewer);
        assertThat(itself.status()).as(itself.body()).isEqualTo(200);
        assertThat(itself.json().get("status").asText()).isEqualTo("OFFBOARDED");
        assertThat(http.get("/api/v1/tenants/" + tenant + "/units?minPosition=" + offboarded, ADMIN).status())
                .as("a platform operator still reads it").isEqualTo(200);
    }

    @Test
    void takesAnEmptyQueryParameterAsAbsentAndStillRefusesAnUnknownOne() {
        TenantId tenant = TenantId.random();
        long position = append("Tenant", tenant.toString(), 0, TenantTestEvents.created(tenant, "emp-"
                + tenant.value().toString().substring(0, 8)));
        Http.Response all = http.get("/api/v1/tenants?status=&plan=&page=0&size=1000&minPosition=" + position, ADMIN);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("total").asLong()).as("plan= filtered for the plan named \"\"").isPositive();
        String viewer = TestTokens.forTenant(tenant.value(), "viewer", "ORG_VIEWER");
        Http.Response units = http.get("/api/v1/tenants/" + tenant + "/units?type=&status=&q=&asOf=", viewer);
        assertThat(units.status()).as("asOf= was 400: " + units.body()).isEqualTo(200);
        Http.Response misspelt = http.get("/api/v1/tenants?plann=", ADMIN);
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().get("errors").findValuesAsText("field")).containsExactly("plann");
    }

    @Test
    void acceptsTheMinimumPositionAsAHeaderToo() {
        TenantId tenant = TenantId.random();
        long position = append("Tenant", tenant.toString(), 0, TenantTestEvents.created(tenant, "hdr-" + tenant.value()
                .toString().substring(0, 8)));

        Http.Response read = http.send("GET", "/api/v1/tenants/" + tenant, ADMIN, null,
                Map.of("X-Min-Position", Long.toString(position)));

        assertThat(read.status()).isEqualTo(200);
    }

    @Test
    void answersAReadWhoseAcceptExcludesJsonWithANotAcceptableProblem() {
        TenantId tenant = TenantId.random();
        long position = append("Tenant", tenant.toString(), 0, TenantTestEvents.created(tenant, "html-" + tenant.value()
                .toString().substring(0, 8)));

        Http.Response read = http.send("GET", "/api/v1/tenants/" + tenant + "?minPosition=" + position, ADMIN, null,
                Map.of("Accept", "text/html"));

        assertThat(read.status()).as(read.body()).isEqualTo(406);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.json().get("type").asText()).endsWith("/not-acceptable");
        assertThat(read.json().get("correlationId").asText()).isNotBlank();
    }

    @Test
    void answersServiceUnavailableWithRetryAfterWhenThePositionIsNotReachedInTime() {
        Http.Response read = http.get("/api/v1/tenants/" + UUID.randomUUID() + "?minPosition=999999999", ADMIN);

        assertThat(read.status()).isEqualTo(503);
        assertThat(read.header("Retry-After")).isEqualTo("1");
        assertThat(read.json().get("type").asText()).endsWith("/not-yet-consistent");
    }

    @Test
    void refusesAMalformedMinimumPosition() {
        Http.Response read = http.get("/api/v1/tenants/" + UUID.randomUUID() + "?minPosition=soon", ADMIN);

        assertThat(read.status()).isEqualTo(400);
        assertThat(read.json().get("errors").findValuesAsText("field")).contains("minPosition");
    }

    @Test
    void showsEffectiveFeatureTogglesWithTheirSource() {
        TenantId tenant = TenantId.random();
        append("Tenant", tenant.toString(), 0, TenantTestEvents.created(tenant, "ft-" + tenant.value().toString()
                .substring(0, 8)));
        long position = append("Tenant", tenant.toString(), 1,
                new TenantFeatureToggledEvent(tenant, "advanced-approvals", true));
        String viewer = TestTokens.forTenant(tenant.value(), "vic", "ORG_VIEWER");

        JsonNode features = http.get("/api/v1/tenants/" + tenant + "/features?minPosition=" + position, viewer).json();
        JsonNode overridden = http.get("/api/v1/tenants/" + tenant + "/features/advanced-approvals", viewer).json();
        JsonNode planDefault = http.get("/api/v1/tenants/" + tenant + "/features/bulk-import", viewer).json();

        assertThat(features.get("items")).hasSize(3);
        assertThat(overridden.get("enabled").asBoolean()).isTrue();
        assertThat(overridden.get("source").asText()).isEqualTo("TENANT");
        assertThat(planDefault.get("enabled").asBoolean()).isTrue();
        assertThat(planDefault.get("source").asText()).isEqualTo("PLAN");
        assertThat(http.get("/api/v1/tenants/" + tenant + "/features/no-such-feature", viewer).status()).isEqualTo(404);
    }

    @Test
    void hidesOtherTenantsFromATenantBoundCaller() {
        TenantId mine = TenantId.random();
        TenantId theirs = TenantId.random();
        append("Tenant", mine.toString(), 0, TenantTestEvents.created(mine, "mine-" + mine.value().toString().substring(0, 8)));
        String theirSlug = "theirs-" + theirs.value().toString().substring(0, 8);
        long position = append("Tenant", theirs.toString(), 0, TenantTestEvents.created(theirs, theirSlug));
        String me = TestTokens.forTenant(mine.value(), "eve", "TENANT_ADMIN");

        assertThat(http.get("/api/v1/tenants/" + mine + "?minPosition=" + position, me).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/tenants/" + theirs, me).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/tenants/by-slug/" + theirSlug, me).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/tenants/" + theirs + "/features", me).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/tenants", me).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/tenants/" + mine, null).status()).isEqualTo(401);
    }

    @Test
    void listsTenantsForPlatformOperatorsFilteredAndPaged() {
        TenantId tenant = TenantId.random();
        append("Tenant", tenant.toString(), 0, TenantTestEvents.created(tenant, "ls-" + tenant.value().toString()
                .substring(0, 8)));
        long position = append("Tenant", tenant.toString(), 1, new TenantActivatedEvent(tenant));

        JsonNode page = http.get("/api/v1/tenants?status=ACTIVE&plan=STANDARD&size=1000&minPosition=" + position, ADMIN)
                .json();

        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(1000);
        assertThat(page.get("items")).allSatisfy(item -> assertThat(item.get("status").asText()).isEqualTo("ACTIVE"));
        assertThat(page.get("items").findValuesAsText("tenantId")).contains(tenant.toString());
        assertThat(http.get("/api/v1/tenants?size=1001", ADMIN).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/tenants?status=SLEEPING", ADMIN).status()).isEqualTo(400);
    }
}
