package dev.orgservice.command.structure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A position's revision over HTTP: answered as {@code revision} and {@code ETag}, sent back in {@code If-Match}. */
class PositionRevisionApiTest extends CommandSideIntegrationTest {

    @Test
    void aChangeAtTheReadRevisionIsMadeAndAStaleOneIsAPreconditionFailedProblem() {
        TreeRequests.Tree tree = requests().rootWithDepartments(uniqueSlug("pos-rev"), 1);
        String positions = "/api/v1/tenants/" + tree.tenantId() + "/positions";
        Http.Response created = http.post(positions, tree.editor(), "{\"unitId\":\"" + tree.departments().get(0)
                + "\",\"title\":\"Clerk\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String position = positions + "/" + created.json().get("positionId").asText();
        String read = created.header("ETag");
        assertThat(read).isEqualTo("\"" + created.json().get("revision").asLong() + "\"");

        Http.Response retitled = http.send("PATCH", position, tree.editor(), "{\"title\":\"Senior clerk\"}",
                Map.of("If-Match", read));
        assertThat(retitled.status()).as(retitled.body()).isEqualTo(200);
        long revision = retitled.json().get("revision").asLong();
        assertThat(revision).isGreaterThan(created.json().get("revision").asLong());
        assertThat(retitled.header("ETag")).isEqualTo("\"" + revision + "\"");

        Http.Response stale = http.send("PUT", position + "/reporting-lines", tree.editor(), "{\"dottedLineTo"
                + "PositionIds\":[]}", Map.of("If-Match", read));
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        JsonNode problem = stale.json();
        assertThat(problem.get("type").asText()).endsWith("precondition-failed");
        assertThat(problem.get("positionId").asText()).isEqualTo(created.json().get("positionId").asText());
        assertThat(problem.get("currentRevision").asLong()).isEqualTo(revision);
    }

    private TreeRequests requests() {
        return new TreeRequests(http);
    }
}
