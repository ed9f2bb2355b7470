package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggledEvent;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.command.revision.ExpectedRevision;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.orgservice.command.OrgErrors.orgError;
import static dev.orgservice.command.tenant.TenantTestData.ADVANCED_APPROVALS;
import static dev.orgservice.command.tenant.TenantTestData.AUDIT_EXPORT;
import static dev.orgservice.command.tenant.TenantTestData.FREE;
import static dev.orgservice.command.tenant.TenantTestData.STANDARD;
import static dev.orgservice.command.tenant.TenantTestData.active;
import static dev.orgservice.command.tenant.TenantTestData.tenantCreated;

/**
 * Conditional changes of a tenant (the API's {@code If-Match}): the tenant's revision is its aggregate's version,
 * every tenant command answers the revision after it, and one that expects another revision is refused with
 * {@code precondition-failed} before any rule, recording nothing (an interceptor of the aggregate does both).
 */
class TenantRevisionTest {

    private static final TenantId TENANT = TenantId.random();

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesAtRevision1")
    void aChangeAtTheRevisionTheClientReadIsMadeAndAnswersTheNewRevision(Object change) {
        fixture.given(tenantCreated(TENANT, STANDARD), new TenantActivatedEvent(TENANT))
                .when(change)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesAtRevision1")
    void aChangeAtAnOlderRevisionIsRefusedAndRecordsNothing(Object change) {
        fixture.given(tenantCreated(TENANT, STANDARD), new TenantActivatedEvent(TENANT),
                        new TenantFeatureToggledEvent(TENANT, AUDIT_EXPORT, true))
                .when(change)
                .expectNoEvents()
                .expectException(orgError(ErrorCode.PRECONDITION_FAILED));
    }

    @Test
    void aChangeThatRecordsNothingAnswersTheUnchangedRevision() {
        fixture.given(tenantCreated(TENANT, STANDARD), new TenantActivatedEvent(TENANT),
                        new TenantFeatureToggledEvent(TENANT, AUDIT_EXPORT, true))
                .when(new SetFeatureToggleCommand(TENANT, AUDIT_EXPORT, true, false, ExpectedRevision.of(2)))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void aChangeThatRecordsSeveralEventsAnswersTheLast() {
        fixture.given(tenantCreated(TENANT, STANDARD), new TenantActivatedEvent(TENANT),
                        new TenantFeatureToggledEvent(TENANT, AUDIT_EXPORT, true),
                        new TenantFeatureToggledEvent(TENANT, ADVANCED_APPROVALS, true))
                .when(new ChangeSubscriptionCommand(TENANT, active(FREE), FREE, ExpectedRevision.of(3)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(6L);
    }

    @Test
    void aChangeWithoutAConditionIsMadeWhateverTheRevision() {
        fixture.given(tenantCreated(TENANT, STANDARD), new TenantActivatedEvent(TENANT),
                        new TenantFeatureToggledEvent(TENANT, AUDIT_EXPORT, true))
                .when(new SuspendTenantCommand(TENANT, "audit"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(3L);
    }

    static Stream<Named<Object>> changesAtRevision1() {
        ExpectedRevision read = ExpectedRevision.of(1);
        return Stream.of(
                Named.of("configuration", new UpdateTenantConfigurationCommand(TENANT,
                        new ConfigurationChange("Acme SE", null, null, null, null, null), read)),
                Named.of("admin contact", new ChangeAdminContactCommand(TENANT, "it-admin@acme.example", read)),
                Named.of("feature toggle", new SetFeatureToggleCommand(TENANT, AUDIT_EXPORT, false, false, read)),
                Named.of("subscription", new ChangeSubscriptionCommand(TENANT, active(STANDARD), STANDARD, read)),
                Named.of("suspension", new SuspendTenantCommand(TENANT, "audit", read)),
                Named.of("offboarding", new OffboardTenantCommand(TENANT, "contract ended", read)));
    }
}
