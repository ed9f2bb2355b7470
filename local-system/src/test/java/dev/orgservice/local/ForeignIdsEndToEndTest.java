package dev.orgservice.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor or admin names another tenant's units and positions in the body of its own tenant's commands: every such
 * id is unknown to it ({@code 404 not-found}, or the import's row error), and neither tenant's structure, approval
 * policy or authorities change.
 */
class ForeignIdsEndToEndTest extends RunningSystem {

    private static final String PURPOSE = "PURCHASE_ORDER";

    private static Tenant victim;
    private static Tenant attacker;
    private static String victimRoot;
    private static String victimCostCenter;
    private static String victimProfitCenter;
    private static String victimFinance;
    private static String victimBoss;
    private static String attackerRoot;
    private static String attackerDepartment;
    private static String attackerPosition;

    /** A tenant's id, its editor's token, what it looked like before the attacks. */
    private static final class Tenant {
        final String id = activeTenant(newSlug("fid"), "ENTERPRISE");
        final String editor = TestTokens.forTenant(UUID.fromString(id), "ed", "ORG_EDITOR");
        final String admin = TestTokens.forTenant(UUID.fromString(id), "adm", "TENANT_ADMIN");
        Http.Response last;
        JsonNode structure;

        String path(String rest) {
            return "/api/v1/tenants/" + id + rest;
        }

        String unit(String body) {
            last = commands.post(path("/units"), editor, body);
            assertThat(last.status()).as(last.body()).isEqualTo(201);
            return last.json().get("unitId").asText();
        }

        String position(String unitId, boolean manager) {
            last = commands.post(path("/positions"), editor, "{\"unitId\":\"" + unitId + "\",\"title\":\"P\",\"manager\":"
                    + manager + "}");
            assertThat(last.status()).as(last.body()).isEqualTo(201);
            return last.json().get("positionId").asText();
        }

        /**
         * Its units under the root, its positions, the limits of {@code position}, its purchase order policy and its
         * delegations, as the query side answers them at {@code after}.
         */
        JsonNode structure(String root, String position, Http.Response after) {
            JsonNode positions = read(path("/positions"), after, editor).get("items");
            positions.forEach(each -> ((ObjectNode) each).remove("asOf")); // the time of the read
            JsonNode policy = read(path("/approval-policies/" + PURPOSE), after, editor);
            ((ObjectNode) policy).remove("asOf");
            return new ObjectMapper().createArrayNode()
                    .add(read(path("/units/" + root + "/subtree"), after, editor).get("items")).add(positions)
                    .add(read(path("/positions/" + position + "/approval-authorities"), after, editor).get("items"))
                    .add(policy).add(read(path("/delegations"), after, editor).get("items"));
        }
    }

    @BeforeAll
    static void twoTenantsWithAStructure() {
        victim = new Tenant();
        victimRoot = victim.unit(root("LE"));
        victimCostCenter = victim.unit(child("COST_CENTER", "CC", victimRoot, ""));
        victimProfitCenter = victim.unit(child("PROFIT_CENTER", "PC", victimRoot, ""));
        victimFinance = victim.unit(child("DEPARTMENT", "FIN", victimRoot, ""));
        victimBoss = victim.position(victimRoot, true);
        victim.position(victimFinance, false);
        victim.structure = victim.structure(victimRoot, victimBoss, victim.last);

        attacker = new Tenant();
        attackerRoot = attacker.unit(root("ALE"));
        attackerDepartment = attacker.unit(child("DEPARTMENT", "AD", attackerRoot, ""));
        attackerPosition = attacker.position(attackerRoot, true);
        attacker.structure = attacker.structure(attackerRoot, attackerPosition, attacker.last);
    }

    @AfterEach
    void neitherTenantsStructureChanged() {
        // a command answered after the attacks: the reads below see everything they could have written
        Http.Response after = commands.put(attacker.path("/features/bulk-import"), ADMIN, "{\"enabled\":true}");
        assertThat(victim.structure(victimRoot, victimBoss, after)).isEqualTo(victim.structure);
        assertThat(attacker.structure(attackerRoot, attackerPosition, after)).isEqualTo(attacker.structure);
    }

    @Test
    void aNewUnitCannotHangUnderAnotherTenantsUnit() {
        assertNotFound(attack("POST", "/units", child("DEPARTMENT", "X1", victimRoot, "")));
    }

    @Test
    void aUnitImportFindsNeitherAnotherTenantsParentIdNorItsParentCode() {
        assertRowNotFound(attack("POST", "/units/import", "[" + child("DEPARTMENT", "X2", victimFinance, "") + "]"),
                "parentId");
        assertRowNotFound(attack("POST", "/units/import",
                "[{\"type\":\"DEPARTMENT\",\"code\":\"X3\",\"name\":\"x\",\"parentCode\":\"FIN\"}]"), "parentCode");
    }

    @Test
    void aUnitCannotMoveUnderAnotherTenantsUnit() {
        assertNotFound(attack("POST", "/units/" + attackerDepartment + "/move",
                "{\"newParentId\":\"" + victimFinance + "\"}"));
    }

    @Test
    void aDepartmentCannotNameAnotherTenantsCostOrProfitCenter() {
        assertNotFound(attack("POST", "/units", child("DEPARTMENT", "X4", attackerRoot,
                ",\"costCenterId\":\"" + victimCostCenter + "\"")));
        assertNotFound(attack("POST", "/units", child("DEPARTMENT", "X5", attackerRoot,
                ",\"profitCenterId\":\"" + victimProfitCenter + "\"")));
        assertNotFound(attack("PATCH", "/units/" + attackerDepartment, "{\"costCenterId\":\"" + victimCostCenter + "\"}"));
    }

    @Test
    void aPositionCannotBeCreatedInAnotherTenantsUnit() {
        assertNotFound(attack("POST", "/positions", "{\"unitId\":\"" + victimFinance + "\",\"title\":\"Mole\"}"));
    }

    @Test
    void aPositionImportFindsNeitherAnotherTenantsUnitNorItsPosition() {
        assertRowNotFound(attack("POST", "/positions/import",
                "[{\"ref\":\"r\",\"unitId\":\"" + victimFinance + "\",\"title\":\"Mole\"}]"), "unitId");
        assertRowNotFound(attack("POST", "/positions/import", "[{\"ref\":\"r\",\"unitId\":\"" + attackerRoot
                + "\",\"title\":\"Mole\",\"reportsToPositionId\":\"" + victimBoss + "\"}]"), "reportsToPositionId");
    }

    @Test
    void aPositionOfThisTenantCannotReportToAnotherTenantsPosition() {
        String lines = "/positions/" + attackerPosition + "/reporting-lines";
        assertNotFound(attack("PUT", lines, "{\"reportsToPositionId\":\"" + victimBoss + "\"}"));
        assertNotFound(attack("PUT", lines, "{\"dottedLineToPositionIds\":[\"" + victimBoss + "\"]}"));
    }

    @Test
    void aUnitImportRowCannotNameAnotherTenantsCostCenter() {
        assertRowNotFound(attack("POST", "/units/import", "[" + child("DEPARTMENT", "X6", attackerRoot,
                ",\"costCenterId\":\"" + victimCostCenter + "\"") + "]"), "details");
    }

    @Test
    void aNewPositionCannotHaveADottedLineToAnotherTenantsPosition() {
        assertNotFound(attack("POST", "/positions", "{\"unitId\":\"" + attackerRoot + "\",\"title\":\"Mole\","
                + "\"dottedLineToPositionIds\":[\"" + victimBoss + "\"]}"));
    }

    @Test
    void anAuthorityImportDoesNotFindAnotherTenantsPosition() {
        assertRowNotFound(commands.post(attacker.path("/approval-authorities/import"), attacker.admin,
                "[{\"positionId\":\"" + victimBoss + "\",\"purpose\":\"" + PURPOSE + "\",\"amount\":\"1000000\","
                        + "\"currency\":\"EUR\"}]"), "positionId");
    }

    @Test
    void anApprovalPolicysPositionStepCannotNameAnotherTenantsPosition() {
        assertNotFound(commands.put(attacker.path("/approval-policies/" + PURPOSE), attacker.admin,
                "{\"steps\":[{\"kind\":\"POSITION\",\"positionId\":\"" + victimBoss + "\"}]}"));
    }

    @Test
    void aDelegationCannotBeScopedToAnotherTenantsUnit() {
        assertNotFound(attack("POST", "/delegations", "{\"delegatorId\":\"hr:1\",\"delegateId\":\"hr:2\","
                + "\"purposes\":[\"" + PURPOSE + "\"],\"validFrom\":\"2030-01-01\",\"validTo\":\"2030-01-08\","
                + "\"unitScope\":\"" + victimFinance + "\"}"));
    }

    /** A command of the attacker's editor on the attacker's own tenant. */
    private static Http.Response attack(String method, String path, String body) {
        return commands.send(method, attacker.path(path), attacker.editor, body, Map.of());
    }

    private static void assertNotFound(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().get("type").asText()).endsWith("/not-found");
    }

    /** The import's one 422, its only error the first row's {@code field} not found. */
    private static void assertRowNotFound(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.body()).hasSize(1);
        assertThat(errors.get(0).get("row").asInt()).isZero();
        assertThat(errors.get(0).get("type").asText()).endsWith("/not-found");
        assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
    }

    private static String root(String code) {
        return "{\"type\":\"LEGAL_ENTITY\",\"code\":\"" + code + "\",\"name\":\"x\",\"country\":\"DE\",\"currency\":\"EUR\"}";
    }

    private static String child(String type, String code, String parentId, String extra) {
        return "{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"name\":\"x\",\"parentId\":\"" + parentId + "\""
                + extra + "}";
    }
}
