package dev.orgservice.command.structure;

import dev.orgservice.command.CommandSideIntegrationTest;
import dev.orgservice.platform.testing.Http;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review: {@code PATCH /positions/{p}} with the title the position already has records a {@code PositionRetitledEvent}
 * anyway and moves the position's revision on.
 * <p>
 * Expected (docs/api.md "Conditional changes (If-Match)": "A command that changes nothing answers the unchanged
 * revision"; OrganizationTree does this for a unit's PATCH "so no other editor's If-Match goes stale"): the answer's
 * revision and ETag are the ones read, and a second editor who read the same revision can still change the position.
 * Observed: the no-op PATCH answers a new revision, and the second editor's change is refused with 412.
 * <p>
 * The same for {@code DELETE /positions/{p}/holder} on a position that was never held: a {@code PositionVacatedEvent}
 * is recorded and the revision moves on although nothing changed.
 */
class PositionNoOpPatchReviewTest extends CommandSideIntegrationTest {

    @Test
    @Disabled("Not fixed: the tree keeps no titles to compare with, as it keeps no unit names (docs/api.md, "
            + "Conditional changes, names the exception); keeping 200,000 titles in every tree snapshot for this was "
            + "not worth it")
    void aPatchWithTheSameTitleKeepsTheRevisionAndOtherEditorsIfMatch() {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("pos-noop"), 1);
        String positions = "/api/v1/tenants/" + tree.tenantId() + "/positions";
        Http.Response created = http.post(positions, tree.editor(), "{\"unitId\":\"" + tree.departments().get(0)
                + "\",\"title\":\"Clerk\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String position = positions + "/" + created.json().get("positionId").asText();
        String read = created.header("ETag");

        Http.Response same = http.send("PATCH", position, tree.editor(), "{\"title\":\"Clerk\"}",
                Map.of("If-Match", read));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.header("ETag")).as("a PATCH that changes nothing must answer the unchanged revision: "
                + same.body()).isEqualTo(read);

        Http.Response other = http.send("PUT", position + "/manager-role", tree.editor(), "{\"manager\":true}",
                Map.of("If-Match", read));
        assertThat(other.status()).as("a second editor who read " + read + " must not be refused after a no-op: "
                + other.body()).isNotEqualTo(412);
    }

    @Test
    void vacatingAPositionThatHasNoHolderKeepsTheRevision() {
        TreeRequests.Tree tree = new TreeRequests(http).rootWithDepartments(uniqueSlug("pos-noop-v"), 1);
        String positions = "/api/v1/tenants/" + tree.tenantId() + "/positions";
        Http.Response created = http.post(positions, tree.editor(), "{\"unitId\":\"" + tree.departments().get(0)
                + "\",\"title\":\"Clerk\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String position = positions + "/" + created.json().get("positionId").asText();
        String read = created.header("ETag");

        Http.Response vacated = http.send("DELETE", position + "/holder", tree.editor(), null,
                Map.of("If-Match", read));
        assertThat(vacated.status()).as(vacated.body()).isEqualTo(200);
        assertThat(vacated.header("ETag")).as("vacating a position nobody holds changes nothing: " + vacated.body())
                .isEqualTo(read);
    }
}
