package dev.orgservice.command.structure;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.platform.problem.OrgException;
import dev.orgservice.platform.time.FlexibleInstant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;

/**
 * Defect: a new position (or an import row) that closes a management loop is refused with {@code "at":
 * "-1000000000-01-01T00:00:00Z"}, Java's {@code Instant.MIN}, as "the first instant of the loop".
 * <p>
 * docs/api.md ("Management chains never loop"): "Each such change is {@code 409 cycle} with {@code at} (the first
 * instant of the loop)"; and every time the API answers or takes lies in the years 0001 to 9999 ("a time outside the
 * years 0001 to 9999" is a {@code 400}; FlexibleInstant: "an event with such a time ... stopped the projection").
 * OrganizationTree checks a new position's chain from {@code Instant.MIN} (positions hold at every {@code asOf}) and
 * ChainLoopRules puts that search bound into the problem, and into the import's row message ("from
 * -1000000000-01-01T00:00:00Z the management chain ..."). A client that reads {@code at} back as an instant (to show
 * it, or to send it as {@code asOf} for the management chain) gets a value the API itself refuses, and most date
 * libraries (JavaScript's Date, PostgreSQL) cannot hold. Expected: an instant within 0001..9999 (the earliest
 * instant a read can show the loop, e.g. {@link FlexibleInstant#EARLIEST}).
 */
class LoopInstantReviewTest {

    private final FixtureConfiguration<OrganizationTree> fixture =
            StructureTestData.fixture(new StructureTestData.SwitchableTenantGuard());

    @Test
    void aNewPositionThatClosesALoopIsRefusedWithAnInstantTheApiCanHold() {
        // D2 has no manager: a new manager position N there with a line to X has X report to N, and N to X
        fixture.given(organization())
                .when(new CreatePositionCommand(TENANT, id("N"), id("D2"), "N", true, id("X"), List.of()))
                .expectNoEvents()
                .expectException(cycleAtARequestableInstant());
    }

    @Test
    void anImportRowThatClosesALoopNamesAnInstantTheApiCanHold() {
        List<ImportedPosition> rows = List.of(new ImportedPosition(id("N"), id("D2"), "N", true, id("X"), null, null));
        fixture.given(organization())
                .when(new ImportPositionsCommand(TENANT, UUID.randomUUID(), rows))
                .expectNoEvents()
                .expectException(new TypeSafeMatcher<OrgException>() {
                    @Override
                    protected boolean matchesSafely(OrgException e) {
                        return e.code() == ErrorCode.RULE_VIOLATION && !e.properties().toString().contains("-1000000000");
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("a row error whose message names an instant within 0001..9999");
                    }

                    @Override
                    protected void describeMismatchSafely(OrgException e, Description description) {
                        description.appendText("was ").appendValue(e.properties());
                    }
                });
    }

    private static Matcher<OrgException> cycleAtARequestableInstant() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(OrgException e) {
                if (e.code() != ErrorCode.CYCLE || !(e.properties().get("at") instanceof String at)) {
                    return false;
                }
                try {
                    Instant instant = Instant.parse(at);
                    return !instant.isBefore(FlexibleInstant.EARLIEST) && !instant.isAfter(FlexibleInstant.LATEST);
                } catch (DateTimeParseException notAnInstant) {
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("409 cycle whose `at` is an instant within 0001-01-01..9999-12-31");
            }

            @Override
            protected void describeMismatchSafely(OrgException e, Description description) {
                description.appendText("had code ").appendValue(e.code()).appendText(" and members ")
                        .appendValue(e.properties());
            }
        };
    }

    /** LE with the CEO; D1 with its manager H and A; D2 with X and no manager (as ChainLoopsTest). */
    private static List<Object> organization() {
        return new ArrayList<>(List.of(created(LEGAL_ENTITY, "LE", null, T0),
                created(DEPARTMENT, "D1", "LE", T0), created(DEPARTMENT, "D2", "LE", T0),
                position("CEO", "LE", true), position("H", "D1", true), position("A", "D1", false),
                position("X", "D2", false)));
    }

    private static PositionCreatedEvent position(String code, String unit, boolean manager) {
        return new PositionCreatedEvent(TENANT, id(code), id(unit), code, manager, null, List.of());
    }
}
