package dev.orgservice.local;

import dev.orgservice.command.CommandSideApplication;
import dev.orgservice.platform.testing.Http;
import dev.orgservice.platform.testing.TestDatabase;
import dev.orgservice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Conflicting changes at once, on one instance and across two: resolved by concurrency control, never lost. */
class ConcurrencyEndToEndTest extends RunningSystem {

    private static ConfigurableApplicationContext secondInstance;
    private static Http secondCommands;

    private String tenant;
    private String editor;

    @BeforeAll
    static void startASecondCommandSide() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.get().properties());
        properties.put("ORG_COMMAND_PORT", "0");
        secondInstance = CommandSideApplication.builder().properties(properties).run("--server.shutdown=immediate");
        secondCommands = Http.onPort(Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stopIt() {
        secondInstance.close();
    }

    @BeforeEach
    void anActiveTenant() {
        tenant = activeTenant(newSlug("cc"), "ENTERPRISE");
        editor = TestTokens.forTenant(UUID.fromString(tenant), "ed", "ORG_EDITOR");
    }

    @Test
    void twoMovesThatTogetherFormACycleNeverBothSucceed() throws Exception {
        String root = unit(commands, "LEGAL_ENTITY", "ROOT", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        for (int round = 0; round < 10; round++) {
            String a = unit(commands, "DEPARTMENT", "A" + round, root, "");
            String b = unit(commands, "DEPARTMENT", "B" + round, root, "");
            var aUnderB = CompletableFuture.supplyAsync(() -> move(commands, a, b));
            var bUnderA = CompletableFuture.supplyAsync(() -> move(secondCommands, b, a));
            List<Integer> statuses = List.of(aUnderB.get(), bUnderA.get());
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
        }
    }

    @Test
    void instancesWithStaleCachesRetryOnFreshStateAndLoseNoEvent() throws Exception {
        String root = unit(commands, "LEGAL_ENTITY", "ROOT", null, ",\"country\":\"DE\",\"currency\":\"EUR\"");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(unit(i % 2 == 0 ? commands : secondCommands, "DEPARTMENT", "D" + i, root, ""));
        }
        Http.Response last = commands.post("/api/v1/tenants/" + tenant + "/units", editor,
                "{\"type\":\"DEPARTMENT\",\"code\":\"LAST\",\"name\":\"last\",\"parentId\":\"" + root + "\"}");
        assertThat(read("/api/v1/tenants/" + tenant + "/units/" + root + "/children", last, editor).get("items"))
                .hasSize(13);
        try (Connection db = TestDatabase.get().connectAsAdmin(); PreparedStatement query = db.prepareStatement(
                "select count(*), max(sequence_number) from event_store.domain_event_entry where aggregate_identifier = ?")) {
            query.setString(1, "org-tree-" + tenant);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("events of the tree").isEqualTo(14);
                assertThat(row.getLong(2)).as("sequence without holes").isEqualTo(13);
            }
        }
    }

    private int move(Http instance, String unit, String newParent) {
        return instance.post("/api/v1/tenants/" + tenant + "/units/" + unit + "/move", editor,
                "{\"newParentId\":\"" + newParent + "\"}").status();
    }

    private String unit(Http instance, String type, String code, String parent, String extra) {
        Http.Response created = instance.post("/api/v1/tenants/" + tenant + "/units", editor, "{\"type\":\"" + type
                + "\",\"code\":\"" + code + "\",\"name\":\"" + code + "\"" + (parent == null ? "" : ",\"parentId\":\""
                + parent + "\"") + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("unitId").asText();
    }
}
