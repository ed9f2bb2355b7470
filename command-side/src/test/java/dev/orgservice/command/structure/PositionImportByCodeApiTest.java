package dev.orgservice.command.structure;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A position import's rows name their unit by {@code unitId} or by {@code unitCode}, one of them. */
class PositionImportByCodeApiTest extends CommandSideIntegrationTest {

    private TreeRequests.Tree tree;
    private String imports;

    @BeforeEach
    void aRootWithADepartment() {
        tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("pos-code"), 1);
        imports = "/api/v1/tenants/" + tree.tenantId() + "/positions/import";
    }

    @Test
    void takesTheUnitsCodeOrItsId() {
        Http.Response imported = http.post(imports, tree.editor(), """
                [{"ref": "boss", "unitCode": "ROOT", "title": "CEO", "manager": true},
                 {"ref": "clerk", "unitId": "%s", "title": "Clerk", "reportsToRef": "boss"}]"""
                .formatted(tree.departments().get(0)));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void refusesARowWithNeitherOrBothAndACodeNoActiveUnitHas() {
        Http.Response neither = http.post(imports, tree.editor(), "[{\"ref\": \"a\", \"title\": \"A\"}]");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().at("/errors/0/field").asText()).isEqualTo("[0].unitId");

        Http.Response both = http.post(imports, tree.editor(), """
                [{"ref": "a", "unitCode": "ROOT", "unitId": "%s", "title": "A"}]""".formatted(tree.root()));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().at("/errors/0/field").asText()).isEqualTo("[0].unitCode");

        Http.Response unknown = http.post(imports, tree.editor(), """
                [{"ref": "a", "unitCode": "ROOT", "title": "A"}, {"ref": "b", "unitCode": "NOPE", "title": "B"}]""");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().at("/errors/0/row").asInt()).isEqualTo(1);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("unitCode");
        assertThat(unknown.json().at("/errors/0/message").asText()).contains("NOPE");
    }
}
