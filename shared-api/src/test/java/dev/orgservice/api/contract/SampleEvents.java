package dev.orgservice.api.contract;

import dev.orgservice.api.approval.ApprovalAuthoritiesImportedEvent;
import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.ApprovalAuthorityRevokedEvent;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.approval.DelegationRevokedEvent;
import dev.orgservice.api.approval.ImportedAuthority;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.structure.Address;
import dev.orgservice.api.structure.GeoPoint;
import dev.orgservice.api.structure.ImportedPosition;
import dev.orgservice.api.structure.ImportedUnit;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.api.structure.PositionHolderAssignedEvent;
import dev.orgservice.api.structure.PositionManagerRoleChangedEvent;
import dev.orgservice.api.structure.PositionMovedEvent;
import dev.orgservice.api.structure.PositionReportingLinesChangedEvent;
import dev.orgservice.api.structure.PositionRetitledEvent;
import dev.orgservice.api.structure.PositionVacatedEvent;
import dev.orgservice.api.structure.PositionsImportedEvent;
import dev.orgservice.api.structure.UnitClosedEvent;
import dev.orgservice.api.structure.UnitCreatedEvent;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitDetailsUpdatedEvent;
import dev.orgservice.api.structure.UnitMovedEvent;
import dev.orgservice.api.structure.UnitReopenedEvent;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.api.structure.UnitsImportedEvent;
import dev.orgservice.api.tenant.BillingCycle;
import dev.orgservice.api.tenant.FeatureTerms;
import dev.orgservice.api.tenant.PlanTerms;
import dev.orgservice.api.tenant.Subscription;
import dev.orgservice.api.tenant.SubscriptionStatus;
import dev.orgservice.api.tenant.TenantActivatedEvent;
import dev.orgservice.api.tenant.TenantAdminContactChangedEvent;
import dev.orgservice.api.tenant.TenantConfiguration;
import dev.orgservice.api.tenant.TenantConfigurationUpdatedEvent;
import dev.orgservice.api.tenant.TenantCreatedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggleClearedEvent;
import dev.orgservice.api.tenant.TenantFeatureToggledEvent;
import dev.orgservice.api.tenant.TenantId;
import dev.orgservice.api.tenant.TenantOffboardedEvent;
import dev.orgservice.api.tenant.TenantReactivatedEvent;
import dev.orgservice.api.tenant.TenantSubscriptionChangedEvent;
import dev.orgservice.api.tenant.TenantSuspendedEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events as the command side records them, at least one of every type of the contract: the first of each type has
 * every field that may be absent set, the others show the common sparse shapes (a root unit, an open-ended holding,
 * a vacant imported position, a new tenant's bare subscription).
 */
final class SampleEvents {

    private static final TenantId TENANT_ID = TenantId.of("0b7e6f5c-3f8e-4c55-9a44-2d2f9a0d7c11");
    private static final UUID TENANT = TENANT_ID.value();
    private static final UUID LEGAL_ENTITY = UUID.fromString("8d0c7c1e-3f43-4d43-9a53-0c9c8d6a3b11");
    private static final UUID BRANCH = UUID.fromString("1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b");
    private static final UUID OPERATIONS = UUID.fromString("0f6a2b1c-9d8e-4f70-a1b2-c3d4e5f60718");
    private static final UUID COST_CENTER = UUID.fromString("3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d");
    private static final UUID PROFIT_CENTER = UUID.fromString("4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e");
    private static final UUID HEAD_OF_FINANCE = UUID.fromString("6e2d4c1a-7b3f-4e5d-9a8c-1b2d3e4f5a6b");
    private static final UUID CFO = UUID.fromString("5b7e0f2c-9a41-4c1e-8f55-3f1d2b6c7a90");
    private static final UUID CONTROLLER = UUID.fromString("9c3f1a7e-2b4d-4e6f-8a1b-3c5d7e9f1a2b");
    private static final UUID IMPORT = UUID.fromString("2c4f9d0e-6a1b-4f5e-9d3c-7b8a1e2f3a44");
    private static final UUID DELEGATION = UUID.fromString("d5e6f7a8-9b0c-4d1e-8f2a-3b4c5d6e7f80");
    private static final Instant RECORDED = Instant.parse("2026-11-25T19:14:03.512Z");
    private static final Instant NEXT_YEAR = Instant.parse("2027-01-01T00:00:00Z");
    private static final Money TEN_THOUSAND_EUR = new Money(new BigDecimal("10000.00"), "EUR");

    private SampleEvents() {
    }

    static List<Object> all() {
        return List.of(
                new TenantCreatedEvent(TENANT_ID, "acme", "DE", "it@acme.example", configuration(), standardPlan(),
                        new Subscription("STANDARD", SubscriptionStatus.TRIALING, null, null, null, null, null)),
                new TenantActivatedEvent(TENANT_ID),
                new TenantConfigurationUpdatedEvent(TENANT_ID, configuration()),
                new TenantAdminContactChangedEvent(TENANT_ID, "it-admin@acme.example"),
                new TenantFeatureToggledEvent(TENANT_ID, "advanced-approvals", true),
                new TenantFeatureToggleClearedEvent(TENANT_ID, "advanced-approvals"),
                new TenantSubscriptionChangedEvent(TENANT_ID, new Subscription("STANDARD", SubscriptionStatus.ACTIVE, 250,
                        "ap@acme.example", BillingCycle.YEARLY, NEXT_YEAR, "cus_123"), standardPlan()),
                new TenantSuspendedEvent(TENANT_ID, "invoice overdue"),
                new TenantReactivatedEvent(TENANT_ID),
                new TenantOffboardedEvent(TENANT_ID, "contract ended"),

                new UnitCreatedEvent(TENANT, BRANCH, UnitType.BRANCH, "ACME-MUC", "Munich", LEGAL_ENTITY, RECORDED,
                        everyDetail()),
                new UnitCreatedEvent(TENANT, LEGAL_ENTITY, UnitType.LEGAL_ENTITY, "ACME-DE", "Acme Deutschland", null,
                        RECORDED, UnitDetails.NONE),
                new UnitsImportedEvent(TENANT, IMPORT, 1, 2, RECORDED, List.of(
                        new ImportedUnit(OPERATIONS, UnitType.DEPARTMENT, "OPS", "Operations", LEGAL_ENTITY,
                                everyDetail()),
                        new ImportedUnit(LEGAL_ENTITY, UnitType.LEGAL_ENTITY, "ACME-AT", "Acme Austria", null,
                                UnitDetails.NONE))),
                new UnitDetailsUpdatedEvent(TENANT, LEGAL_ENTITY, "Acme Deutschland SE", everyDetail()),
                new UnitDetailsUpdatedEvent(TENANT, LEGAL_ENTITY, null, UnitDetails.NONE),
                new UnitMovedEvent(TENANT, OPERATIONS, LEGAL_ENTITY, BRANCH, NEXT_YEAR),
                new UnitMovedEvent(TENANT, LEGAL_ENTITY, null, null, NEXT_YEAR),
                new UnitClosedEvent(TENANT, OPERATIONS, NEXT_YEAR),
                new UnitReopenedEvent(TENANT, OPERATIONS, NEXT_YEAR),
                new PositionCreatedEvent(TENANT, HEAD_OF_FINANCE, LEGAL_ENTITY, "Head of Finance", true, CFO,
                        List.of(CONTROLLER)),
                new PositionCreatedEvent(TENANT, CFO, LEGAL_ENTITY, "CFO", true, null, List.of()),
                new PositionsImportedEvent(TENANT, IMPORT, 1, 1, List.of(
                        new ImportedPosition(HEAD_OF_FINANCE, OPERATIONS, "Boss", true, CFO, "p-boss", RECORDED),
                        new ImportedPosition(CONTROLLER, OPERATIONS, "Deputy", false, null, null, null))),
                new PositionHolderAssignedEvent(TENANT, HEAD_OF_FINANCE, "hr:4711", RECORDED, NEXT_YEAR),
                new PositionHolderAssignedEvent(TENANT, HEAD_OF_FINANCE, "hr:4711", RECORDED, null),
                new PositionVacatedEvent(TENANT, HEAD_OF_FINANCE, RECORDED),
                new PositionRetitledEvent(TENANT, HEAD_OF_FINANCE, "Chief Financial Officer"),
                new PositionReportingLinesChangedEvent(TENANT, HEAD_OF_FINANCE, CFO, List.of(CONTROLLER), NEXT_YEAR),
                new PositionReportingLinesChangedEvent(TENANT, HEAD_OF_FINANCE, null, List.of(), NEXT_YEAR),
                new PositionClosedEvent(TENANT, HEAD_OF_FINANCE, NEXT_YEAR),
                new PositionMovedEvent(TENANT, HEAD_OF_FINANCE, LEGAL_ENTITY, BRANCH, NEXT_YEAR),
                new PositionManagerRoleChangedEvent(TENANT, HEAD_OF_FINANCE, false, NEXT_YEAR),

                new ApprovalAuthorityGrantedEvent(TENANT, HEAD_OF_FINANCE, "PURCHASE_ORDER", TEN_THOUSAND_EUR, RECORDED),
                new ApprovalAuthoritiesImportedEvent(TENANT, IMPORT, 1, 1, RECORDED, List.of(
                        new ImportedAuthority(HEAD_OF_FINANCE, "PURCHASE_ORDER", TEN_THOUSAND_EUR),
                        new ImportedAuthority(CFO, "TRAVEL_REQUEST", new Money(new BigDecimal("2500"), "CHF")))),
                new ApprovalAuthorityRevokedEvent(TENANT, HEAD_OF_FINANCE, "PURCHASE_ORDER", "EUR", NEXT_YEAR),
                new ApprovalPolicyDefinedEvent(TENANT, "CAPEX", List.of(ApprovalStep.MANAGEMENT_CHAIN,
                        new ApprovalStep(ApprovalStep.Kind.POSITION, CFO, new Money(new BigDecimal("50000"), "EUR")),
                        new ApprovalStep(ApprovalStep.Kind.COST_CENTER_OWNER, null, null)), 1, 8, NEXT_YEAR),
                new DelegationGrantedEvent(TENANT, DELEGATION, "hr:4711", "hr:4712", List.of("PURCHASE_ORDER",
                        "INVOICE"), OPERATIONS, new Money(new BigDecimal("5000.00"), "EUR"),
                        Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-08T00:00:00Z")),
                new DelegationGrantedEvent(TENANT, DELEGATION, "hr:4711", "hr:4712", List.of("LEAVE_REQUEST"), null,
                        null, Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-08T00:00:00Z")),
                new DelegationRevokedEvent(TENANT, DELEGATION, Instant.parse("2027-03-04T09:12:00Z")));
    }

    private static TenantConfiguration configuration() {
        return new TenantConfiguration("Acme GmbH", "de-DE", "Europe/Berlin", "EUR", 730, Map.of("ui.theme", "dark"));
    }

    private static PlanTerms standardPlan() {
        return new PlanTerms("STANDARD", 5000, 20000, Map.of(
                "advanced-approvals", new FeatureTerms(false, true),
                "bulk-import", new FeatureTerms(true, true)));
    }

    /** Every detail at once: no unit type has all of them, but the JSON shape is the same. */
    private static UnitDetails everyDetail() {
        return new UnitDetails("Acme Deutschland GmbH", "HRB 12345", "DE123456789", "DE", "EUR",
                new Address("Leopoldstr. 1", "München", "80802", "Bayern", "DE"), "Europe/Berlin",
                new GeoPoint(48.1625, 11.5865), "hr:4711", "OVERHEAD", "RETAIL", NEXT_YEAR, COST_CENTER, PROFIT_CENTER);
    }
}
