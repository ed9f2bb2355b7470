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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
