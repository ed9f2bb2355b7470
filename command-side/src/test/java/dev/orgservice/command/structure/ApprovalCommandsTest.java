package dev.orgservice.command.structure;

import dev.orgservice.api.approval.ApprovalAuthoritiesImportedEvent;
import dev.orgservice.api.approval.ApprovalAuthorityGrantedEvent;
import dev.orgservice.api.approval.ApprovalAuthorityRevokedEvent;
import dev.orgservice.api.approval.ApprovalPolicyDefinedEvent;
import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.DelegationGrantedEvent;
import dev.orgservice.api.approval.DelegationRevokedEvent;
import dev.orgservice.api.approval.ImportedAuthority;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.structure.PositionClosedEvent;
import dev.orgservice.api.structure.PositionCreatedEvent;
import dev.orgservice.command.approval.DefineApprovalPolicyCommand;
import dev.orgservice.command.approval.GrantApprovalAuthorityCommand;
import dev.orgservice.command.approval.GrantDelegationCommand;
import dev.orgservice.command.approval.ImportApprovalAuthoritiesCommand;
import dev.orgservice.command.approval.RevokeApprovalAuthorityCommand;
import dev.orgservice.command.approval.RevokeDelegationCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.command.OrgErrors.orgError;
import static dev.orgservice.command.structure.StructureTestData.SwitchableTenantGuard;
import static dev.orgservice.command.structure.StructureTestData.T0;
import static dev.orgservice.command.structure.StructureTestData.T1;
import static dev.orgservice.command.structure.StructureTestData.T2;
import static dev.orgservice.command.structure.StructureTestData.T3;
import static dev.orgservice.command.structure.StructureTestData.TENANT;
import static dev.orgservice.command.structure.StructureTestData.created;
import static dev.orgservice.command.structure.StructureTestData.id;

/**
 * Given/when/then tests of the approval commands on the {@link OrganizationTree}: authorities and policies name
 * existing positions; delegations are never to oneself, never close a cycle at an overlapping time and purpose,
 * and never make a chain of more than three hops; revocation; a suspended tenant changes nothing.
 */
class ApprovalCommandsTest {

    private static final UUID CFO = UUID.fromString("00000000-0000-0000-0000-00000000c0f0");
    private static final Money TEN_K = new Money(new BigDecimal("10000.00"), "EUR");
    private static final Map<String, Object> DELEGATION_CYCLE = Map.of("rule", "delegation-cycle");
    private static final Map<String, Object> CHAIN_TOO_DEEP = Map.of("rule", "delegation-chain-too-deep", "maxHops", 3);
    /** Delegation windows lie in the future, so that none has ended when the fixture records them. */
    private static final Instant D1 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant D2 = Instant.parse("2030-02-01T00:00:00Z");
    private static final Instant D3 = Instant.parse("2030-03-01T00:00:00Z");
    private static final Instant D4 = Instant.parse("2030-04-01T00:00:00Z");
    private static final List<String> PO = List.of("PURCHASE_ORDER");

    private final SwitchableTenantGuard tenants = new SwitchableTenantGuard();
    private final FixtureConfiguration<OrganizationTree> fixture = StructureTestData.fixture(tenants);

    private static List<Object> tree(Object... more) {
        List<Object> events = new ArrayList<>(List.of(created(LEGAL_ENTITY, "HOLD", null, T0),
                new PositionCreatedEvent(TENANT, CFO, id("HOLD"), "CFO", true, null, List.of())));
        events.addAll(List.of(more));
        return events;
    }

    private static UUID delegationId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    private static GrantDelegationCommand delegate(String from, String to, List<String> purposes, Instant validFrom,
                                                   Instant validTo) {
        return new GrantDelegationCommand(TENANT, delegationId(from + ">" + to), from, to, purposes, null, null,
                validFrom, validTo);
    }

    private static DelegationGrantedEvent delegated(String from, String to, List<String> purposes, Instant validFrom,
                                                    Instant validTo) {
        return new DelegationGrantedEvent(TENANT, delegationId(from + ">" + to), from, to, purposes, null, null,
                validFrom, validTo);
    }

    // ---- authorities and policies ------------------------------------------------------------------------

    @Test
    void grantsAndRevokesAnAuthorityOfAnExistingPosition() {
        fixture.given(tree())
                .when(new GrantApprovalAuthorityCommand(TENANT, CFO, "PURCHASE_ORDER", TEN_K, T0))
                .expectEvents(new ApprovalAuthorityGrantedEvent(TENANT, CFO, "PURCHASE_ORDER", TEN_K, T0));
        fixture.given(tree())
                .when(new RevokeApprovalAuthorityCommand(TENANT, CFO, "PURCHASE_ORDER", "EUR", T0))
                .expectEvents(new ApprovalAuthorityRevokedEvent(TENANT, CFO, "PURCHASE_ORDER", "EUR", T0));
    }

    @Test
    void refusesAnAuthorityOfAnUnknownPosition() {
        fixture.given(tree())
                .when(new GrantApprovalAuthorityCommand(TENANT, UUID.randomUUID(), "PURCHASE_ORDER", TEN_K, T0))
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void importsAuthoritiesInBatchesOfAThousandOrNothingAtAll() {
        UUID importId = UUID.randomUUID();
        List<ImportedAuthority> rows = IntStream.range(0, 2500)
                .mapToObj(i -> new ImportedAuthority(CFO, "P" + i, TEN_K)).toList();
        fixture.given(tree())
                .when(new ImportApprovalAuthoritiesCommand(TENANT, importId, T0, rows))
                .expectEvents(new ApprovalAuthoritiesImportedEvent(TENANT, importId, 1, 3, T0, rows.subList(0, 1000)),
                        new ApprovalAuthoritiesImportedEvent(TENANT, importId, 2, 3, T0, rows.subList(1000, 2000)),
                        new ApprovalAuthoritiesImportedEvent(TENANT, importId, 3, 3, T0, rows.subList(2000, 2500)));
        fixture.given(tree())
                .when(new ImportApprovalAuthoritiesCommand(TENANT, importId, T0, List.of(rows.get(0),
                        new ImportedAuthority(UUID.randomUUID(), "PURCHASE_ORDER", TEN_K))))
                .expectException(orgError(ErrorCode.RULE_VIOLATION))
                .expectNoEvents();
    }

    @Test
    void definesAPolicyWhoseStepsNameExistingPositions() {
        var steps = List.of(ApprovalStep.MANAGEMENT_CHAIN,
                new ApprovalStep(ApprovalStep.Kind.POSITION, CFO, TEN_K));
        fixture.given(tree())
                .when(new DefineApprovalPolicyCommand(TENANT, "PURCHASE_ORDER", steps, 1, 8, T0))
                .expectEvents(new ApprovalPolicyDefinedEvent(TENANT, "PURCHASE_ORDER", steps, 1, 8, T0));
        fixture.given(tree())
                .when(new DefineApprovalPolicyCommand(TENANT, "PURCHASE_ORDER",
                        List.of(new ApprovalStep(ApprovalStep.Kind.POSITION, UUID.randomUUID(), null)), 1, 8, T0))
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void aPositionStaysOpenWhileAPolicyNamesIt() {
        // the PURCHASE_ORDER policy names the CFO from T1 until a policy without it takes over at T3
        List<Object> named = tree(policy("PURCHASE_ORDER", T1, CFO), policy("PURCHASE_ORDER", T3, null));
        fixture.given(named)
                .when(new ClosePositionCommand(TENANT, CFO, T2))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(named)
                .when(new ClosePositionCommand(TENANT, CFO, T0))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        fixture.given(named)
                .when(new ClosePositionCommand(TENANT, CFO, T3))
                .expectEvents(new PositionClosedEvent(TENANT, CFO, T3));
        // a policy for another purpose, or the same policy replaced at its own instant, names it no more
        fixture.given(tree(policy("INVOICE", T1, CFO), policy("INVOICE", T1, null)))
                .when(new ClosePositionCommand(TENANT, CFO, T2))
                .expectEvents(new PositionClosedEvent(TENANT, CFO, T2));
    }

    @Test
    void aPolicyNamesNoPositionThatIsClosedWhileItHolds() {
        List<Object> closed = tree(new PositionClosedEvent(TENANT, CFO, T2));
        var naming = List.of(new ApprovalStep(ApprovalStep.Kind.POSITION, CFO, null));
        fixture.given(closed)
                .when(new DefineApprovalPolicyCommand(TENANT, "PURCHASE_ORDER", naming, 1, 8, T1))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CONFLICT));
        // until a policy already recorded for T2 takes over, it may
        fixture.given(tree(policy("PURCHASE_ORDER", T2, null), new PositionClosedEvent(TENANT, CFO, T2)))
                .when(new DefineApprovalPolicyCommand(TENANT, "PURCHASE_ORDER", naming, 1, 8, T1))
                .expectEvents(new ApprovalPolicyDefinedEvent(TENANT, "PURCHASE_ORDER", naming, 1, 8, T1));
    }

    /** A policy for {@code purpose} from {@code from}: the management chain, then {@code named} (null: nobody). */
    private static ApprovalPolicyDefinedEvent policy(String purpose, Instant from, UUID named) {
        List<ApprovalStep> steps = named == null ? List.of(ApprovalStep.MANAGEMENT_CHAIN)
                : List.of(ApprovalStep.MANAGEMENT_CHAIN, new ApprovalStep(ApprovalStep.Kind.POSITION, named, null));
        return new ApprovalPolicyDefinedEvent(TENANT, purpose, steps, 1, 8, from);
    }

    @Test
    void advancedPoliciesAndBulkImportsNeedTheirFeatures() {
        tenants.disable("advanced-approvals");
        tenants.disable("bulk-import");
        fixture.given(tree())
                .when(new DefineApprovalPolicyCommand(TENANT, "PURCHASE_ORDER",
                        List.of(new ApprovalStep(ApprovalStep.Kind.POSITION, CFO, null)), 1, 8, T0))
                .expectException(orgError(ErrorCode.FEATURE_DISABLED));
        fixture.given(tree())
                .when(new DefineApprovalPolicyCommand(TENANT, "PURCHASE_ORDER", List.of(ApprovalStep.MANAGEMENT_CHAIN),
                        2, 8, T0))
                .expectException(orgError(ErrorCode.FEATURE_DISABLED));
        fixture.given(tree())
                .when(new DefineApprovalPolicyCommand(TENANT, "PURCHASE_ORDER", List.of(ApprovalStep.MANAGEMENT_CHAIN),
                        1, 8, T0))
                .expectSuccessfulHandlerExecution();
        fixture.given(tree())
                .when(new ImportApprovalAuthoritiesCommand(TENANT, UUID.randomUUID(), T0,
                        List.of(new ImportedAuthority(CFO, "PURCHASE_ORDER", TEN_K))))
                .expectException(orgError(ErrorCode.FEATURE_DISABLED));
    }

    @Test
    void aPolicyMayComeBeforeTheFirstUnit() {
        fixture.givenNoPriorActivity()
                .when(new DefineApprovalPolicyCommand(TENANT, "INVOICE", List.of(ApprovalStep.MANAGEMENT_CHAIN), 1, 8, T0))
                .expectEvents(new ApprovalPolicyDefinedEvent(TENANT, "INVOICE", List.of(ApprovalStep.MANAGEMENT_CHAIN),
                        1, 8, T0));
    }

    @Test
    void aSuspendedTenantChangesNoApprovalSetting() {
        tenants.suspend();
        fixture.given(tree())
                .when(new GrantApprovalAuthorityCommand(TENANT, CFO, "PURCHASE_ORDER", TEN_K, T0))
                .expectException(orgError(ErrorCode.TENANT_SUSPENDED));
        fixture.given(tree())
                .when(delegate("a", "b", PO, D1, D2))
                .expectException(orgError(ErrorCode.TENANT_SUSPENDED));
    }

    // ---- delegations --------------------------------------------------------------------------------------

    @Test
    void grantsADelegationEvenBeforeTheTreeHasUnits() {
        fixture.givenNoPriorActivity()
                .when(delegate("a", "b", PO, D1, D2))
                .expectEvents(delegated("a", "b", PO, D1, D2));
    }

    @Test
    void refusesSelfDelegation() {
        fixture.given(tree())
                .when(delegate("a", "a", PO, D1, D2))
                .expectException(orgError(ErrorCode.RULE_VIOLATION, Map.of("rule", "self-delegation")));
    }

    @Test
    void refusesADirectCycleAtAnOverlappingTime() {
        fixture.given(tree(delegated("a", "b", PO, D1, D3)))
                .when(delegate("b", "a", PO, D2, D4))
                .expectException(orgError(ErrorCode.CYCLE, DELEGATION_CYCLE));
    }

    @Test
    void refusesAnIndirectCycle() {
        fixture.given(tree(delegated("a", "b", PO, D1, D3), delegated("b", "c", PO, D1, D3)))
                .when(delegate("c", "a", PO, D1, D3))
                .expectException(orgError(ErrorCode.CYCLE, DELEGATION_CYCLE));
    }

    @Test
    void allowsTheReverseDelegationAtAnotherTimeOrForAnotherPurpose() {
        fixture.given(tree(delegated("a", "b", PO, D1, D2)))
                .when(delegate("b", "a", PO, D2, D3))
                .expectSuccessfulHandlerExecution();
        fixture.given(tree(delegated("a", "b", PO, D1, D2)))
                .when(delegate("b", "a", List.of("INVOICE"), D1, D2))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCycleOnlyCountsWhereAllItsLinksOverlap() {
        // a->b in [D1,D2), b->c in [D2,D3): they never apply together, so c->a over [D1,D3) closes no cycle
        fixture.given(tree(delegated("a", "b", PO, D1, D2), delegated("b", "c", PO, D2, D3)))
                .when(delegate("c", "a", PO, D1, D3))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void allowsAChainOfThreeHopsAndRefusesAFourth() {
        var chainOfThree = tree(delegated("a", "b", PO, D1, D3), delegated("b", "c", PO, D1, D3));
        fixture.given(chainOfThree)
                .when(delegate("c", "d", PO, D1, D3))
                .expectSuccessfulHandlerExecution();
        fixture.given(tree(delegated("a", "b", PO, D1, D3), delegated("b", "c", PO, D1, D3),
                        delegated("c", "d", PO, D1, D3)))
                .when(delegate("d", "e", PO, D1, D3))
                .expectException(orgError(ErrorCode.RULE_VIOLATION, CHAIN_TOO_DEEP));
    }

    @Test
    void aFourthHopInFrontOfTheChainOrInTheMiddleIsRefusedToo() {
        fixture.given(tree(delegated("a", "b", PO, D1, D3), delegated("b", "c", PO, D1, D3),
                        delegated("c", "d", PO, D1, D3)))
                .when(delegate("z", "a", PO, D1, D3))
                .expectException(orgError(ErrorCode.RULE_VIOLATION, CHAIN_TOO_DEEP));
        fixture.given(tree(delegated("a", "b", PO, D1, D3), delegated("c", "d", PO, D1, D3),
                        delegated("d", "e", PO, D1, D3)))
                .when(delegate("b", "c", PO, D1, D3))
                .expectException(orgError(ErrorCode.RULE_VIOLATION, CHAIN_TOO_DEEP));
    }

    @Test
    void aLongChainWhoseLinksNeverApplyTogetherIsAllowed() {
        fixture.given(tree(delegated("a", "b", PO, D1, D2), delegated("b", "c", PO, D1, D2),
                        delegated("c", "d", PO, D1, D2)))
                .when(delegate("d", "e", PO, D2, D3))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAUnitScopeOutsideTheTenant() {
        fixture.given(tree())
                .when(new GrantDelegationCommand(TENANT, delegationId("x"), "a", "b", PO, UUID.randomUUID(), null, D1, D2))
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void revokesADelegationAndThenAllowsTheReverse() {
        Instant now = Instant.now();
        fixture.given(tree(delegated("a", "b", PO, D1, D3)))
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), now))
                .expectEvents(new DelegationRevokedEvent(TENANT, delegationId("a>b"), now));
        fixture.given(tree(delegated("a", "b", PO, D1, D3), new DelegationRevokedEvent(TENANT, delegationId("a>b"), now)))
                .when(delegate("b", "a", PO, D1, D3))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void revokingAnUnknownDelegationIsNotFound() {
        fixture.given(tree())
                .when(new RevokeDelegationCommand(TENANT, UUID.randomUUID(), Instant.now()))
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void refusesADelegationStartingMoreThanThirtyDaysBeforeItIsGranted() {
        Instant now = Instant.now();
        fixture.given(tree())
                .when(delegate("a", "b", PO, now.minus(Duration.ofDays(31)), now.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION,
                        Map.of("rule", "delegation-backdated", "maxBackdatingDays", 30L)));
        fixture.given(tree())
                .when(delegate("a", "b", PO, now.minus(Duration.ofDays(29)), now.plus(Duration.ofDays(1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBackdatedDelegationSeesOneThatEndedInTheTimeItReachesBackTo() {
        // a->b ended ten days ago; another grant came since, so it is no longer in force when b->a is asked for
        Instant now = Instant.now();
        fixture.given(tree(delegated("a", "b", PO, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(10))),
                        delegated("c", "d", PO, D1, D2)))
                .when(delegate("b", "a", PO, now.minus(Duration.ofDays(15)), now.plus(Duration.ofDays(1))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE, DELEGATION_CYCLE));
    }

    @Test
    void aRevokedDelegationCountsForTheTimeBeforeItsRevocation() {
        Instant now = Instant.now();
        List<Object> revoked = tree(delegated("a", "b", PO, now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(10))),
                new DelegationRevokedEvent(TENANT, delegationId("a>b"), now.minus(Duration.ofDays(1))));
        fixture.given(revoked)
                .when(delegate("b", "a", PO, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(5))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
        fixture.given(revoked)
                .when(delegate("b", "a", PO, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5))))
                .expectSuccessfulHandlerExecution();
        fixture.given(revoked)
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), now))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void revokesADelegationFromAnInstantAheadOrUpToThirtyDaysBack() {
        Instant now = Instant.now();
        List<Object> granted = tree(delegated("a", "b", PO, now.minus(Duration.ofDays(40)), now.plus(Duration.ofDays(40))));
        Instant ahead = now.plus(Duration.ofDays(10));
        fixture.given(granted)
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), ahead))
                .expectEvents(new DelegationRevokedEvent(TENANT, delegationId("a>b"), ahead));
        Instant lately = now.minus(Duration.ofDays(29));
        fixture.given(granted)
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), lately))
                .expectEvents(new DelegationRevokedEvent(TENANT, delegationId("a>b"), lately));
        fixture.given(granted)
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), now.minus(Duration.ofDays(31))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.RULE_VIOLATION,
                        Map.of("rule", "delegation-backdated", "maxBackdatingDays", 30L)));
        fixture.given(granted) // it has ended by then
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), now.plus(Duration.ofDays(41))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }

    @Test
    void aDelegationRevokedAheadCountsUntilThenAndMayBeCutShorterNotLonger() {
        Instant now = Instant.now();
        List<Object> revokedAhead = tree(delegated("a", "b", PO, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(40))),
                new DelegationRevokedEvent(TENANT, delegationId("a>b"), now.plus(Duration.ofDays(10))));
        fixture.given(revokedAhead)
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), now.plus(Duration.ofDays(5))))
                .expectEvents(new DelegationRevokedEvent(TENANT, delegationId("a>b"), now.plus(Duration.ofDays(5))));
        fixture.given(revokedAhead) // it has ended by then
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), now.plus(Duration.ofDays(20))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
        fixture.given(revokedAhead) // a->b is in force until its revocation
                .when(delegate("b", "a", PO, now.plus(Duration.ofDays(9)), now.plus(Duration.ofDays(20))))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.CYCLE));
        fixture.given(revokedAhead)
                .when(delegate("b", "a", PO, now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(20))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void revokingADelegationThatHasEndedIsNotFound() {
        Instant now = Instant.now();
        fixture.given(tree(delegated("a", "b", PO, now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)))))
                .when(new RevokeDelegationCommand(TENANT, delegationId("a>b"), now))
                .expectNoEvents()
                .expectException(orgError(ErrorCode.NOT_FOUND));
    }
}
