package dev.orgservice.command.tenant;

import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.tenant.FeatureTerms;
import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.TenantAdminContactChangedEvent;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantConfigurationUpdatedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggleClearedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggledEvent;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.api.tenant.TenantOffboardedEvent;
import dev.orgservice.api.tenant.TenantReactivatedEvent;
import dev.orgservice.api.tenant.TenantSubscriptionChangedEvent;
import dev.orgservice.api.tenant.TenantSuspendedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.orgservice.command.OrgErrors.orgError;

import java.util.HashMap;
import java.util.Map;

import static dev.orgservice.command.tenant.TenantTestData.ADMIN_EMAIL;
import static dev.orgservice.command.tenant.TenantTestData.ADVANCED_APPROVALS;
import static dev.orgservice.command.tenant.TenantTestData.AUDIT_EXPORT;
import static dev.orgservice.command.tenant.TenantTestData.BULK_IMPORT;
import static dev.orgservice.command.tenant.TenantTestData.ENTERPRISE;
import static dev.orgservice.command.tenant.TenantTestData.FREE;
import static dev.orgservice.command.tenant.TenantTestData.STANDARD;
import static dev.orgservice.command.tenant.TenantTestData.active;
import static dev.orgservice.command.tenant.TenantTestData.configuration;
import static dev.orgservice.command.tenant.TenantTestData.createTenant;
import static dev.orgservice.command.tenant.TenantTestData.settings;
import static dev.orgservice.command.tenant.TenantTestData.tenantCreated;

/**
 * Given/when/then tests of the {@link Tenant} aggregate: every command path and every rejection. Creation is
 * dispatched through {@link TenantCreationHandler} (it needs the registry), so the aggregate's creating
 * constructor is exercised directly with {@code whenConstructing}; all other tests start from a
 * {@code TenantCreatedEvent}.
 */
class TenantTest {

    private static final String UNKNOWN_FEATURE = "time-travel";
    private static final String SUCCESSOR = "it-admin@acme.example";

    private final TenantId tenantId = TenantId.random();
    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    // ---- creation ----------------------------------------------------------------------------------------

    @Test
    void createsAProvisioningTenantWithATrialingSubscriptionToItsPlan() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Tenant(createTenant(tenantId, STANDARD)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(tenantCreated(tenantId, STANDARD));
    }

    // ---- activate ----------------------------------------------------------------------------------------

    @Test
    void activatesAProvisioningTenant() {
        fixture.given(tenantCreated(tenantId))
                .when(new ActivateTenantCommand(tenantId))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantActivatedEvent(tenantId));
    }

    @Test
    void refusesToActivateAnActiveTenant() {
        fixture.given(tenantCreated(tenantId), activated())
                .when(new ActivateTenantCommand(tenantId))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION))
                .expectExceptionMessage("Cannot activate a tenant that is ACTIVE");
    }

    @Test
    void refusesToActivateASuspendedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), suspended())
                .when(new ActivateTenantCommand(tenantId))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void refusesToActivateAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), offboarded())
                .when(new ActivateTenantCommand(tenantId))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    // ---- suspend -----------------------------------------------------------------------------------------

    @Test
    void suspendsAnActiveTenantGivingTheReason() {
        fixture.given(tenantCreated(tenantId), activated())
                .when(new SuspendTenantCommand(tenantId, "unpaid invoices"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantSuspendedEvent(tenantId, "unpaid invoices"));
    }

    @Test
    void refusesToSuspendAProvisioningTenant() {
        fixture.given(tenantCreated(tenantId))
                .when(new SuspendTenantCommand(tenantId, "unpaid invoices"))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void refusesToSuspendASuspendedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), suspended())
                .when(new SuspendTenantCommand(tenantId, "unpaid invoices"))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void refusesToSuspendAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), offboarded())
                .when(new SuspendTenantCommand(tenantId, "unpaid invoices"))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    // ---- reactivate --------------------------------------------------------------------------------------

    @Test
    void reactivatesASuspendedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), suspended())
                .when(new ReactivateTenantCommand(tenantId))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantReactivatedEvent(tenantId));
    }

    @Test
    void refusesToReactivateAProvisioningTenant() {
        fixture.given(tenantCreated(tenantId))
                .when(new ReactivateTenantCommand(tenantId))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void refusesToReactivateAnActiveTenant() {
        fixture.given(tenantCreated(tenantId), activated())
                .when(new ReactivateTenantCommand(tenantId))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void refusesToReactivateAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), suspended(), offboarded())
                .when(new ReactivateTenantCommand(tenantId))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void suspendsAReactivatedTenantAgain() {
        fixture.given(tenantCreated(tenantId), activated(), suspended(), new TenantReactivatedEvent(tenantId))
                .when(new SuspendTenantCommand(tenantId, "again"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantSuspendedEvent(tenantId, "again"));
    }

    // ---- offboard ----------------------------------------------------------------------------------------

    @Test
    void offboardsAnActiveTenant() {
        fixture.given(tenantCreated(tenantId), activated())
                .when(new OffboardTenantCommand(tenantId, "contract ended"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantOffboardedEvent(tenantId, "contract ended"));
    }

    @Test
    void offboardsASuspendedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), suspended())
                .when(new OffboardTenantCommand(tenantId, "contract ended"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantOffboardedEvent(tenantId, "contract ended"));
    }

    @Test
    void refusesToOffboardAProvisioningTenant() {
        fixture.given(tenantCreated(tenantId))
                .when(new OffboardTenantCommand(tenantId, "contract ended"))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void refusesToOffboardAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), offboarded())
                .when(new OffboardTenantCommand(tenantId, "contract ended"))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.ILLEGAL_TRANSITION));
    }

    // ---- update configuration ----------------------------------------------------------------------------

    @Test
    void changesOnlyTheConfigurationFieldsThatAreGiven() {
        fixture.given(tenantCreated(tenantId), activated())
                .when(new UpdateTenantConfigurationCommand(tenantId,
                        new ConfigurationChange("Acme Group GmbH", null, "Europe/Vienna", null, 730, null)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantConfigurationUpdatedEvent(tenantId, new TenantConfiguration(
                        "Acme Group GmbH", "de-DE", "Europe/Vienna", "EUR", 730, Map.of())));
    }

    @Test
    void mergesGivenSettingsIntoTheExistingOnes() {
        fixture.given(tenantCreated(tenantId, STANDARD, configuration(Map.of("ui.theme", "light", "week.start", "monday"))))
                .when(new UpdateTenantConfigurationCommand(tenantId,
                        settingsChange(Map.of("ui.theme", "dark", "report.format", "pdf"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantConfigurationUpdatedEvent(tenantId,
                        configuration(Map.of("ui.theme", "dark", "week.start", "monday", "report.format", "pdf"))));
    }

    @Test
    void removesASettingWhoseNewValueIsNull() {
        Map<String, String> change = new HashMap<>();
        change.put("legacyFlag", null);
        change.put("ui.theme", "dark");
        fixture.given(tenantCreated(tenantId, STANDARD, configuration(Map.of("ui.theme", "light", "legacyFlag", "on"))))
                .when(new UpdateTenantConfigurationCommand(tenantId, settingsChange(change)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantConfigurationUpdatedEvent(tenantId, configuration(Map.of("ui.theme", "dark"))));
    }

    @Test
    void recordsNothingWhenTheChangeLeavesTheConfigurationAsItIs() {
        fixture.given(tenantCreated(tenantId, STANDARD, configuration(Map.of("ui.theme", "dark"))))
                .when(new UpdateTenantConfigurationCommand(tenantId,
                        new ConfigurationChange("Acme GmbH", "de-DE", null, null, null, Map.of("ui.theme", "dark"))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsNothingWhenRemovingASettingThatIsNotThere() {
        Map<String, String> change = new HashMap<>();
        change.put("legacyFlag", null);
        fixture.given(tenantCreated(tenantId))
                .when(new UpdateTenantConfigurationCommand(tenantId, settingsChange(change)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptsAChangeThatLeavesExactlyTheMaximumNumberOfSettings() {
        Map<String, String> expected = new HashMap<>(settings(Tenant.MAX_SETTINGS - 1));
        expected.put("one.more", "x");
        fixture.given(tenantCreated(tenantId, STANDARD, configuration(settings(Tenant.MAX_SETTINGS - 1))))
                .when(new UpdateTenantConfigurationCommand(tenantId, settingsChange(Map.of("one.more", "x"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantConfigurationUpdatedEvent(tenantId, configuration(expected)));
    }

    @Test
    void refusesAChangeThatWouldLeaveMoreThanTheMaximumNumberOfSettings() {
        fixture.given(tenantCreated(tenantId, STANDARD, configuration(settings(Tenant.MAX_SETTINGS))))
                .when(new UpdateTenantConfigurationCommand(tenantId, settingsChange(Map.of("one.more", "x"))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION));
    }

    @Test
    void acceptsAChangeThatReplacesASettingWhenTheTenantIsAtTheMaximum() {
        Map<String, String> change = new HashMap<>();
        change.put("key0", null);
        change.put("one.more", "x");
        Map<String, String> expected = new HashMap<>(settings(Tenant.MAX_SETTINGS));
        expected.remove("key0");
        expected.put("one.more", "x");
        fixture.given(tenantCreated(tenantId, STANDARD, configuration(settings(Tenant.MAX_SETTINGS))))
                .when(new UpdateTenantConfigurationCommand(tenantId, settingsChange(change)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantConfigurationUpdatedEvent(tenantId, configuration(expected)));
    }

    @Test
    void updatesTheConfigurationOfASuspendedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), suspended())
                .when(new UpdateTenantConfigurationCommand(tenantId, settingsChange(Map.of("ui.theme", "dark"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantConfigurationUpdatedEvent(tenantId, configuration(Map.of("ui.theme", "dark"))));
    }

    @Test
    void refusesToUpdateTheConfigurationOfAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), offboarded())
                .when(new UpdateTenantConfigurationCommand(tenantId, settingsChange(Map.of("ui.theme", "dark"))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_NOT_ACTIVE));
    }

    @Test
    void buildsOnThePreviouslyUpdatedConfiguration() {
        fixture.given(tenantCreated(tenantId),
                        new TenantConfigurationUpdatedEvent(tenantId, configuration(Map.of("ui.theme", "dark"))))
                .when(new UpdateTenantConfigurationCommand(tenantId, settingsChange(Map.of("week.start", "sunday"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantConfigurationUpdatedEvent(tenantId,
                        configuration(Map.of("ui.theme", "dark", "week.start", "sunday"))));
    }

    // ---- change admin contact ----------------------------------------------------------------------------

    @Test
    void changesTheAdminContact() {
        fixture.given(tenantCreated(tenantId), activated())
                .when(new ChangeAdminContactCommand(tenantId, SUCCESSOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantAdminContactChangedEvent(tenantId, SUCCESSOR));
    }

    @Test
    void recordsNothingWhenTheAdminContactIsTheOneGivenAtCreation() {
        fixture.given(tenantCreated(tenantId), activated())
                .when(new ChangeAdminContactCommand(tenantId, ADMIN_EMAIL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsNothingWhenTheAdminContactIsTheOneChangedToBefore() {
        fixture.given(tenantCreated(tenantId), new TenantAdminContactChangedEvent(tenantId, SUCCESSOR))
                .when(new ChangeAdminContactCommand(tenantId, SUCCESSOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changesTheAdminContactBackToTheOneGivenAtCreation() {
        fixture.given(tenantCreated(tenantId), new TenantAdminContactChangedEvent(tenantId, SUCCESSOR))
                .when(new ChangeAdminContactCommand(tenantId, ADMIN_EMAIL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantAdminContactChangedEvent(tenantId, ADMIN_EMAIL));
    }

    @Test
    void changesTheAdminContactOfATenantStillProvisioning() {
        fixture.given(tenantCreated(tenantId))
                .when(new ChangeAdminContactCommand(tenantId, SUCCESSOR))
                .expectEvents(new TenantAdminContactChangedEvent(tenantId, SUCCESSOR));
    }

    @Test
    void changesTheAdminContactOfASuspendedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), suspended())
                .when(new ChangeAdminContactCommand(tenantId, SUCCESSOR))
                .expectEvents(new TenantAdminContactChangedEvent(tenantId, SUCCESSOR));
    }

    @Test
    void refusesToChangeTheAdminContactOfAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId), activated(), offboarded())
                .when(new ChangeAdminContactCommand(tenantId, SUCCESSOR))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_NOT_ACTIVE));
    }

    // ---- set feature toggle ------------------------------------------------------------------------------

    @Test
    void overridesAFeatureThePlanLetsTheTenantChange() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated())
                .when(new SetFeatureToggleCommand(tenantId, ADVANCED_APPROVALS, true, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantFeatureToggledEvent(tenantId, ADVANCED_APPROVALS, true));
    }

    @Test
    void changesAnExistingOverrideToTheOtherValue() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, ADVANCED_APPROVALS, true))
                .when(new SetFeatureToggleCommand(tenantId, ADVANCED_APPROVALS, false, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantFeatureToggledEvent(tenantId, ADVANCED_APPROVALS, false));
    }

    @Test
    void recordsNothingWhenTheOverrideAlreadyHasTheRequestedValue() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, ADVANCED_APPROVALS, true))
                .when(new SetFeatureToggleCommand(tenantId, ADVANCED_APPROVALS, true, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToToggleAFeatureThatIsNotInTheCatalog() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated())
                .when(new SetFeatureToggleCommand(tenantId, UNKNOWN_FEATURE, true, true))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesATenantAdminToToggleAFeatureThePlanDoesNotEntitleThemToChange() {
        fixture.given(tenantCreated(tenantId, FREE), activated())
                .when(new SetFeatureToggleCommand(tenantId, BULK_IMPORT, true, false))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.FORBIDDEN));
    }

    @Test
    void letsAPlatformAdminOverrideAFeatureThePlanDoesNotEntitleTheTenantToChange() {
        fixture.given(tenantCreated(tenantId, FREE), activated())
                .when(new SetFeatureToggleCommand(tenantId, BULK_IMPORT, true, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantFeatureToggledEvent(tenantId, BULK_IMPORT, true));
    }

    @Test
    void refusesToToggleAFeatureOfAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(), offboarded())
                .when(new SetFeatureToggleCommand(tenantId, ADVANCED_APPROVALS, true, true))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_NOT_ACTIVE));
    }

    // ---- clear feature toggle ----------------------------------------------------------------------------

    @Test
    void clearsAnExistingOverride() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, AUDIT_EXPORT, true))
                .when(new ClearFeatureToggleCommand(tenantId, AUDIT_EXPORT, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantFeatureToggleClearedEvent(tenantId, AUDIT_EXPORT));
    }

    @Test
    void recordsNothingWhenClearingAFeatureThatHasNoOverride() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated())
                .when(new ClearFeatureToggleCommand(tenantId, AUDIT_EXPORT, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsNothingWhenClearingAnOverrideThatWasAlreadyCleared() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, AUDIT_EXPORT, true),
                        new TenantFeatureToggleClearedEvent(tenantId, AUDIT_EXPORT))
                .when(new ClearFeatureToggleCommand(tenantId, AUDIT_EXPORT, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToClearAFeatureThatIsNotInTheCatalog() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated())
                .when(new ClearFeatureToggleCommand(tenantId, UNKNOWN_FEATURE, true))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesATenantAdminToClearAnOverrideOfAFeatureThePlanDoesNotEntitleThemToChange() {
        fixture.given(tenantCreated(tenantId, FREE), activated(),
                        new TenantFeatureToggledEvent(tenantId, BULK_IMPORT, true))
                .when(new ClearFeatureToggleCommand(tenantId, BULK_IMPORT, false))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.FORBIDDEN));
    }

    @Test
    void letsAPlatformAdminClearAnOverrideOfAFeatureThePlanDoesNotEntitleTheTenantToChange() {
        fixture.given(tenantCreated(tenantId, FREE), activated(),
                        new TenantFeatureToggledEvent(tenantId, BULK_IMPORT, true))
                .when(new ClearFeatureToggleCommand(tenantId, BULK_IMPORT, true))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantFeatureToggleClearedEvent(tenantId, BULK_IMPORT));
    }

    @Test
    void refusesToClearAFeatureToggleOfAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, AUDIT_EXPORT, true), offboarded())
                .when(new ClearFeatureToggleCommand(tenantId, AUDIT_EXPORT, true))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_NOT_ACTIVE));
    }

    // ---- change subscription -----------------------------------------------------------------------------

    @Test
    void recordsTheNewSubscriptionWithTheTermsOfItsPlan() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated())
                .when(new ChangeSubscriptionCommand(tenantId, active(ENTERPRISE), ENTERPRISE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantSubscriptionChangedEvent(tenantId, active(ENTERPRISE), ENTERPRISE));
    }

    @Test
    void keepsOverridesOfFeaturesTheNewPlanStillLetsTheTenantChange() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, BULK_IMPORT, false),
                        new TenantFeatureToggledEvent(tenantId, AUDIT_EXPORT, true))
                .when(new ChangeSubscriptionCommand(tenantId, active(ENTERPRISE), ENTERPRISE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantSubscriptionChangedEvent(tenantId, active(ENTERPRISE), ENTERPRISE));
    }

    @Test
    void clearsOverridesTheNewPlanNoLongerLetsTheTenantChangeInKeyOrder() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, BULK_IMPORT, false),
                        new TenantFeatureToggledEvent(tenantId, AUDIT_EXPORT, true),
                        new TenantFeatureToggledEvent(tenantId, ADVANCED_APPROVALS, true))
                .when(new ChangeSubscriptionCommand(tenantId, active(FREE), FREE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new TenantSubscriptionChangedEvent(tenantId, active(FREE), FREE),
                        new TenantFeatureToggleClearedEvent(tenantId, ADVANCED_APPROVALS),
                        new TenantFeatureToggleClearedEvent(tenantId, AUDIT_EXPORT),
                        new TenantFeatureToggleClearedEvent(tenantId, BULK_IMPORT));
    }

    @Test
    void keepsAPlatformAdminsOverrideWhenBillingChangesOnlyTheStatusOfTheSamePlan() {
        fixture.given(tenantCreated(tenantId, FREE), activated(),
                        new TenantFeatureToggledEvent(tenantId, BULK_IMPORT, true))
                .when(new ChangeSubscriptionCommand(tenantId, active(FREE), FREE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantSubscriptionChangedEvent(tenantId, active(FREE), FREE));
    }

    @Test
    void clearsOverridesOfFeaturesTheNewPlanDoesNotKnow() {
        PlanTerms importOnly = new PlanTerms("IMPORT_ONLY", 10, 10, Map.of(BULK_IMPORT, new FeatureTerms(true, true)));
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, BULK_IMPORT, false),
                        new TenantFeatureToggledEvent(tenantId, AUDIT_EXPORT, true))
                .when(new ChangeSubscriptionCommand(tenantId, active(importOnly), importOnly))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new TenantSubscriptionChangedEvent(tenantId, active(importOnly), importOnly),
                        new TenantFeatureToggleClearedEvent(tenantId, AUDIT_EXPORT));
    }

    @Test
    void clearsOverridesOfFeaturesTheCatalogDroppedFromTheSamePlan() {
        PlanTerms standardWithoutAuditExport = new PlanTerms(STANDARD.plan(), STANDARD.maxUnits(),
                STANDARD.maxPositions(), STANDARD.features().entrySet().stream()
                .filter(feature -> !feature.getKey().equals(AUDIT_EXPORT))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantFeatureToggledEvent(tenantId, BULK_IMPORT, false),
                        new TenantFeatureToggledEvent(tenantId, AUDIT_EXPORT, true))
                .when(new ChangeSubscriptionCommand(tenantId, active(standardWithoutAuditExport),
                        standardWithoutAuditExport))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new TenantSubscriptionChangedEvent(tenantId, active(standardWithoutAuditExport),
                                standardWithoutAuditExport),
                        new TenantFeatureToggleClearedEvent(tenantId, AUDIT_EXPORT));
    }

    @Test
    void refusesATenantAdminToToggleAFeatureTheDowngradedPlanNoLongerEntitles() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(),
                        new TenantSubscriptionChangedEvent(tenantId, active(FREE), FREE))
                .when(new SetFeatureToggleCommand(tenantId, ADVANCED_APPROVALS, true, false))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.FORBIDDEN));
    }

    @Test
    void letsATenantAdminToggleAFeatureTheUpgradedPlanEntitles() {
        fixture.given(tenantCreated(tenantId, FREE), activated(),
                        new TenantSubscriptionChangedEvent(tenantId, active(STANDARD), STANDARD))
                .when(new SetFeatureToggleCommand(tenantId, ADVANCED_APPROVALS, true, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantFeatureToggledEvent(tenantId, ADVANCED_APPROVALS, true));
    }

    @Test
    void changesTheSubscriptionOfAProvisioningTenant() {
        fixture.given(tenantCreated(tenantId, STANDARD))
                .when(new ChangeSubscriptionCommand(tenantId, active(STANDARD), STANDARD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TenantSubscriptionChangedEvent(tenantId, active(STANDARD), STANDARD));
    }

    @Test
    void refusesToChangeTheSubscriptionOfAnOffboardedTenant() {
        fixture.given(tenantCreated(tenantId, STANDARD), activated(), offboarded())
                .when(new ChangeSubscriptionCommand(tenantId, active(ENTERPRISE), ENTERPRISE))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.TENANT_NOT_ACTIVE));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private TenantActivatedEvent activated() {
        return new TenantActivatedEvent(tenantId);
    }

    private TenantSuspendedEvent suspended() {
        return new TenantSuspendedEvent(tenantId, "unpaid invoices");
    }

    private TenantOffboardedEvent offboarded() {
        return new TenantOffboardedEvent(tenantId, "contract ended");
    }

    private static ConfigurationChange settingsChange(Map<String, String> settings) {
        return new ConfigurationChange(null, null, null, null, null, settings);
    }

}
