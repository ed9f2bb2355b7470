package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant's units exported from the query side ({@code GET .../units/export}) and imported as they are into another
 * tenant on the command side ({@code POST .../units/import}, {@code text/csv}) give the same structure: the second
 * tenant's export is the first one's, byte for byte (details, centers named by code, text guarded against formulas).
 */
class UnitExportRoundTripTest extends RunningSystem {

    private static final String STRUCTURE = """
            [{"type": "LEGAL_ENTITY", "code": "ACME", "name": "Acme, \\"Holding\\"", "legalName": "=Acme GmbH",
              "registrationNumber": "HRB 1", "taxId": "DE123", "country": "DE", "currency": "EUR",
              "address": {"street": "Unter den Linden 1", "city": "Berlin", "postalCode": "10117", "country": "DE"}},
             {"type": "BRANCH", "code": "B-MUC", "name": "München", "parentCode": "ACME",
              "address": {"city": "München", "region": "Bayern", "country": "DE"}, "timezone": "Europe/Berlin",
              "geo": {"latitude": 48.16, "longitude": -11.58}},
             {"type": "DEPARTMENT", "code": "A-SALES", "name": "-Sales", "parentCode": "B-MUC"},
             {"type": "COST_CENTER", "code": "Z-CC", "name": "Controlling", "parentCode": "ACME",
              "responsiblePersonId": "emp-7", "category": "ADMIN", "validTo": "2030-01-01T00:00:00Z"},
             {"type": "PROFIT_CENTER", "code": "PC-1", "name": "'@Retail", "parentCode": "ACME",
              "responsiblePersonId": "emp-8", "segment": "RETAIL"},
             {"type": "DEPARTMENT", "code": "OPS", "name": "Operations", "parentCode": "ACME"}]""";

    @Test
    void aStructureExportedAndImportedElsewhereIsExportedTheSame() {
        String first = activeTenant(newSlug("export-a"), "ENTERPRISE");
        String second = activeTenant(newSlug("export-b"), "ENTERPRISE");
        // the department is assigned its centers after the import (they come after it there): only the export's
        // order puts them before it
        Http.Response centers = importJson(first, STRUCTURE);
        assertThat(centers.status()).as(centers.body()).isEqualTo(201);
        Http.Response assigned = commands.patch("/api/v1/tenants/" + first + "/units/"
                        + unitId(first, "A-SALES", centers), editor(first),
                "{\"costCenterId\": \"" + unitId(first, "Z-CC", centers) + "\", \"profitCenterId\": \""
                        + unitId(first, "PC-1", centers) + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

        Http.Response exported = export(first, assigned.position());
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.body()).contains("\r\nDEPARTMENT,A-SALES,\"'-Sales\",B-MUC,").contains(",Z-CC,PC-1\r\n");

        Http.Response imported = commands.sendBytes("POST", "/api/v1/tenants/" + second + "/units/import",
                editor(second), exported.body().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "text/csv; charset=UTF-8"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("count").asInt()).isEqualTo(6);

        Http.Response again = export(second, imported.position());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(exported.body());
    }

    private static Http.Response importJson(String tenant, String rows) {
        return commands.post("/api/v1/tenants/" + tenant + "/units/import", editor(tenant), rows);
    }

    /** The tenant's export (also for UnitExportImportReviewTest). */
    static Http.Response export(String tenant, long position) {
        return queries.get("/api/v1/tenants/" + tenant + "/units/export?minPosition=" + position, editor(tenant));
    }

    static String unitId(String tenant, String code, Http.Response imported) {
        for (JsonNode unit : read("/api/v1/tenants/" + tenant + "/units?q=" + code, imported, editor(tenant)).get("items")) {
            if (unit.get("code").asText().equals(code)) {
                return unit.get("unitId").asText();
            }
        }
        throw new AssertionError(code + " not found");
    }

    static String editor(String tenant) {
        return TestTokens.forTenant(UUID.fromString(tenant), "editor", "ORG_EDITOR");
    }
}
