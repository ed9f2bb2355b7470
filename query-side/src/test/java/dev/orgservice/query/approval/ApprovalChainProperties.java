package dev.orgservice.query.approval;

import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.view.ApprovalChainView;
import dev.orgservice.platform.problem.OrgException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random management chains (holders drawn from a few people, so the requester and duplicates turn up often;
 * vacancies; random limits) and random delegations among the same people (including to the requester), a resolved
 * chain never contains the requester, never names anyone twice, and when it is complete its management-chain part
 * ends with someone whose limit covers the amount. A 422 happens only when no seat has a limit at all.
 */
class ApprovalChainProperties {

    private static final List<String> PEOPLE = List.of("p0", "p1", "p2", "p3", "p4", "p5");
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    record Scenario(String requester, BigDecimal amount, List<ApprovalFacts.Seat> chain,
                    List<ApprovalFacts.Delegation> delegations, int minApprovers) {
    }

    @Property(tries = 2000)
    void aChainNeverHasTheRequesterOrADuplicateAndEndsWithEnoughAuthority(@ForAll("scenarios") Scenario scenario) {
        ApprovalRequest request = new ApprovalRequest("PURCHASE_ORDER", scenario.requester(), null,
                new Money(scenario.amount(), "EUR"), null, NOW);
        ApprovalFacts facts = new ApprovalFacts(UUID.randomUUID(),
                new StoredPolicy(List.of(ApprovalStep.MANAGEMENT_CHAIN), scenario.minApprovers(), 8), false,
                scenario.chain(), Map.of(), null, scenario.delegations(), Set.of());
        ApprovalChainView view;
        try {
            view = ApprovalChainResolver.resolve(request, facts);
        } catch (OrgException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_NOT_COVERED);
            assertThat(scenario.chain()).allMatch(seat -> seat.authority() == null);
            return;
        }
        List<String> approvers = view.approvers().stream().map(ApprovalChainView.Approver::personId).toList();
        assertThat(approvers).doesNotContain(scenario.requester());
        assertThat(new HashSet<>(approvers)).hasSameSizeAs(approvers);
        assertThat(view.explanation()).isNotBlank();
        if (view.complete()) {
            assertThat(approvers.size()).isGreaterThanOrEqualTo(scenario.minApprovers());
            assertThat(view.approvers()).anyMatch(a -> a.authority() != null
                    && a.authority().amount().compareTo(scenario.amount()) >= 0);
            if (scenario.minApprovers() == 1) {
                ApprovalChainView.Approver last = view.approvers().get(view.approvers().size() - 1);
                assertThat(last.authority()).isNotNull();
                assertThat(last.authority().amount()).isGreaterThanOrEqualTo(scenario.amount());
            }
        } else {
            assertThat(view.explanation()).contains("Incomplete");
        }
    }

    /** A policy of random steps over a scenario's chain, a few named positions and a cost center. */
    record MultiStep(Scenario scenario, List<ApprovalStep> steps, List<ApprovalFacts.Seat> named, String ownerId,
                     int maxApprovers) {
    }

    /**
     * Policies of several steps (the chain, named positions with and without a threshold, the cost center's owner,
     * in any order) with minimum and maximum approvers: the requester never approves and nobody approves twice; a
     * complete chain has between the minimum and the maximum of approvers, someone whose limit covers the amount
     * when the policy walks the chain, the chain's approvers in the chain's order, and every named position whose
     * threshold the amount passes approving, unless its holder is the requester or approves already.
     */
    @Property(tries = 2000)
    void aPolicyOfSeveralStepsKeepsItsRules(@ForAll("multiSteps") MultiStep policy) {
        Scenario scenario = policy.scenario();
        ApprovalRequest request = new ApprovalRequest("CAPEX", scenario.requester(), null,
                new Money(scenario.amount(), "EUR"), UUID.randomUUID(), NOW);
        Map<UUID, ApprovalFacts.Seat> named = new HashMap<>();
        policy.named().forEach(seat -> named.put(seat.positionId(), seat));
        scenario.chain().forEach(seat -> named.put(seat.positionId(), seat));
        ApprovalFacts facts = new ApprovalFacts(UUID.randomUUID(),
                new StoredPolicy(policy.steps(), scenario.minApprovers(), policy.maxApprovers()), false,
                scenario.chain(), named, new ApprovalFacts.CostCenter(UUID.randomUUID(), "CC", policy.ownerId(), null),
                scenario.delegations(), Set.of());
        ApprovalChainView view;
        try {
            view = ApprovalChainResolver.resolve(request, facts);
        } catch (OrgException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_NOT_COVERED);
            assertThat(policy.steps()).contains(ApprovalStep.MANAGEMENT_CHAIN);
            assertThat(scenario.chain()).isNotEmpty().allMatch(seat -> seat.authority() == null);
            return;
        }
        List<String> approvers = view.approvers().stream().map(ApprovalChainView.Approver::personId).toList();
        assertThat(approvers).doesNotContain(scenario.requester());
        assertThat(new HashSet<>(approvers)).hasSameSizeAs(approvers);
        if (!view.complete()) {
            assertThat(view.explanation()).contains("Incomplete");
            return;
        }
        assertThat(approvers.size()).isBetween(scenario.minApprovers(), policy.maxApprovers());
        if (policy.steps().contains(ApprovalStep.MANAGEMENT_CHAIN)) {
            assertThat(view.approvers()).as(view.explanation()).anyMatch(a -> a.authority() != null
                    && a.authority().amount().compareTo(scenario.amount()) >= 0);
        }
        List<Integer> chainOrder = view.approvers().stream()
                .filter(a -> a.step().equals(ApprovalStep.Kind.MANAGEMENT_CHAIN_UNTIL_AUTHORITY.name()))
                .map(a -> indexIn(scenario.chain(), a.positionId())).toList();
        assertThat(chainOrder).as(view.explanation()).isSorted();
        if (policy.steps().get(0).equals(ApprovalStep.MANAGEMENT_CHAIN)) {
            // signing order: the chain's approvers (those climbed to for minApprovers too) before the later steps'
            List<String> steps = view.approvers().stream().map(ApprovalChainView.Approver::step).toList();
            String chain = ApprovalStep.Kind.MANAGEMENT_CHAIN_UNTIL_AUTHORITY.name();
            int firstOther = steps.indexOf(steps.stream().filter(kind -> !kind.equals(chain)).findFirst().orElse(null));
            assertThat(firstOther < 0 || steps.lastIndexOf(chain) < firstOther).as(view.explanation()).isTrue();
        }
        for (ApprovalStep step : policy.steps()) {
            if (step.kind() != ApprovalStep.Kind.POSITION
                    || step.above() != null && scenario.amount().compareTo(step.above().amount()) <= 0) {
                continue;
            }
            ApprovalFacts.Seat seat = named.get(step.positionId());
            assertThat(seat.holderId()).as("a complete chain has no vacant named position").isNotNull();
            // its person approves: in its capacity, or once in another (the seat then skipped as a duplicate)
            boolean approves = view.approvers().stream().anyMatch(a -> step.positionId().equals(a.positionId())
                    || seat.holderId().equals(a.personId()) || seat.holderId().equals(a.delegatedFrom()))
                    || view.skipped().stream().anyMatch(skip -> step.positionId().equals(skip.positionId())
                    && "DUPLICATE".equals(skip.reason()) && approvers.contains(skip.personId()));
            if (!seat.holderId().equals(scenario.requester())) {
                assertThat(approves).as(view.explanation()).isTrue();
            }
        }
    }

    private static int indexIn(List<ApprovalFacts.Seat> chain, UUID positionId) {
        for (int index = 0; index < chain.size(); index++) {
            if (chain.get(index).positionId().equals(positionId)) {
                return index;
            }
        }
        throw new AssertionError("a management-chain approver outside the chain: " + positionId);
    }

    @Provide
    Arbitrary<MultiStep> multiSteps() {
        Arbitrary<ApprovalFacts.Seat> namedSeat = Combinators.combine(Arbitraries.of(PEOPLE).injectNull(0.15),
                        Arbitraries.of("100", "5000", "50000").map(BigDecimal::new).injectNull(0.5))
                .as((holder, authority) -> new ApprovalFacts.Seat(UUID.randomUUID(), UUID.randomUUID(), "named",
                        holder, authority, false));
        return Combinators.combine(scenarios(), namedSeat.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(PEOPLE).injectNull(0.2), Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1000))
                .as((scenario, named, owner, extraMax, positionSteps, seed) -> {
                    Random random = new Random(seed);
                    List<ApprovalFacts.Seat> positions = new ArrayList<>(named);
                    positions.addAll(scenario.chain()); // a policy may name a manager in the chain too
                    List<ApprovalStep> steps = new ArrayList<>();
                    if (random.nextInt(4) > 0) {
                        steps.add(ApprovalStep.MANAGEMENT_CHAIN);
                    }
                    for (int i = 0; i < positionSteps; i++) {
                        ApprovalFacts.Seat seat = positions.get(random.nextInt(positions.size()));
                        Money above = random.nextBoolean() ? null
                                : new Money(new BigDecimal(List.of("100", "1000", "5000").get(random.nextInt(3))), "EUR");
                        steps.add(random.nextInt(steps.size() + 1), new ApprovalStep(ApprovalStep.Kind.POSITION,
                                seat.positionId(), above));
                    }
                    if (steps.isEmpty() || random.nextInt(3) == 0) {
                        steps.add(random.nextInt(steps.size() + 1), new ApprovalStep(
                                ApprovalStep.Kind.COST_CENTER_OWNER, null, null));
                    }
                    return new MultiStep(scenario, List.copyOf(steps), named, owner,
                            scenario.minApprovers() + extraMax);
                });
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<String> person = Arbitraries.of(PEOPLE);
        Arbitrary<BigDecimal> limit = Arbitraries.of("100", "500", "1000", "5000", "10000").map(BigDecimal::new);
        Arbitrary<ApprovalFacts.Seat> seat = Combinators.combine(person.injectNull(0.2), limit.injectNull(0.4))
                .as((holder, authority) -> new ApprovalFacts.Seat(UUID.randomUUID(), UUID.randomUUID(), "seat", holder,
                        authority, false));
        Arbitrary<ApprovalFacts.Delegation> delegation = Combinators.combine(person, person, Arbitraries.integers()
                        .between(0, 1000)).filter((from, to, n) -> !from.equals(to))
                .as((from, to, n) -> new ApprovalFacts.Delegation(UUID.randomUUID(), from, to, null, null,
                        NOW.minusSeconds(n)));
        return Combinators.combine(person, Arbitraries.of("50", "100", "500", "1000", "1000.01", "5000", "20000")
                                .map(BigDecimal::new), seat.list().ofMinSize(0).ofMaxSize(8),
                        delegation.list().ofMaxSize(5), Arbitraries.integers().between(1, 3))
                .as(Scenario::new);
    }
}
