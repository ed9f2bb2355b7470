package dev.orgservice.query.approval;

import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.view.ApprovalChainView;
import dev.orgservice.platform.problem.OrgException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cases of the resolver that the properties ({@link ApprovalChainProperties}) do not draw: policies of several steps,
 * thresholds per currency, delegations through the requester.
 */
class ApprovalChainResolverTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    private final ApprovalFacts.Seat lead = seat("lead", "1000");
    private final ApprovalFacts.Seat head = seat("head", "10000");
    private final ApprovalFacts.Seat cfo = seat("cfo", "100000");

    @Test
    void aManagerNamedByAnEarlierStepWhoseLimitCoversEndsTheChainWhereHeSits() {
        // the head is named above 1,000 EUR, then the chain walks up from the clerk: lead, head (covers), cfo
        ApprovalChainView view = resolve(head, List.of(lead, head, cfo));
        assertThat(people(view)).containsExactly("head", "lead");
        assertThat(view.complete()).isTrue();
        assertThat(view.skipped()).extracting(ApprovalChainView.Skipped::reason).containsExactly("DUPLICATE");
    }

    @Test
    void aNamedManagerCoversEvenWhenNobodyAboveHimHasALimit() {
        ApprovalChainView view = resolve(head, List.of(lead, head, seat("cfo", null)));
        assertThat(people(view)).containsExactly("head", "lead");
        assertThat(view.complete()).isTrue();
    }

    @Test
    void aNamedManagerWhoseLimitDoesNotCoverStillLetsTheChainGoOn() {
        ApprovalChainView view = resolve(lead, List.of(lead, head, cfo));
        assertThat(people(view)).containsExactly("lead", "head");
        assertThat(view.complete()).isTrue();
    }

    @Test
    void refusesARequestInAnotherCurrencyThanThePolicysThresholdInsteadOfConverting() {
        assertThatThrownBy(() -> resolve(head, List.of(lead, head, cfo), "USD"))
                .isInstanceOfSatisfying(OrgException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.CURRENCY_NOT_COVERED);
                    assertThat(refused.properties()).containsEntry("currency", "USD")
                            .containsEntry("purpose", "PURCHASE_ORDER");
                });
    }

    /**
     * "Two approvers, exactly: the manager who covers, then the CFO". Counting the minimum in the chain step made it
     * climb above the covering lead on its own, and the CFO then made three: never complete (review, 2026-11-28).
     */
    @Test
    void aStepAfterTheChainCountsTowardsMinApproversBeforeTheChainClimbsFurther() {
        ApprovalStep namedCfo = new ApprovalStep(ApprovalStep.Kind.POSITION, cfo.positionId(), null);
        ApprovalChainView view = ApprovalChainResolver.resolve(request("500", "EUR"), facts(
                new StoredPolicy(List.of(ApprovalStep.MANAGEMENT_CHAIN, namedCfo), 2, 2), List.of(lead, head, cfo),
                Map.of(cfo.positionId(), cfo), null, List.of()));
        assertThat(people(view)).as(view.explanation()).containsExactly("lead", "cfo");
        assertThat(view.complete()).as(view.explanation()).isTrue();
    }

    /** "The manager who can sign, and the budget owner": two approvers, and nobody above the manager. */
    @Test
    void theManagerWhoCoversAndTheCostCenterOwnerAreTwoApprovers() {
        ApprovalChainView view = ApprovalChainResolver.resolve(request("500", "EUR"), facts(
                new StoredPolicy(List.of(ApprovalStep.MANAGEMENT_CHAIN,
                        new ApprovalStep(ApprovalStep.Kind.COST_CENTER_OWNER, null, null)), 2, 2),
                List.of(lead, head, cfo), Map.of(),
                new ApprovalFacts.CostCenter(UUID.randomUUID(), "CC1", "ccowner", null), List.of()));
        assertThat(people(view)).as(view.explanation()).containsExactly("lead", "ccowner");
        assertThat(view.complete()).as(view.explanation()).isTrue();
    }

    /** Still short of the minimum after every step: the chain goes on, its managers before the later steps'. */
    @Test
    void aChainExtendedForMinApproversKeepsItsManagersBeforeTheLaterSteps() {
        ApprovalChainView view = ApprovalChainResolver.resolve(request("500", "EUR"), facts(
                new StoredPolicy(List.of(ApprovalStep.MANAGEMENT_CHAIN,
                        new ApprovalStep(ApprovalStep.Kind.COST_CENTER_OWNER, null, null)), 3, 8),
                List.of(lead, head, cfo), Map.of(),
                new ApprovalFacts.CostCenter(UUID.randomUUID(), "CC1", "ccowner", null), List.of()));
        assertThat(people(view)).as(view.explanation()).containsExactly("lead", "head", "ccowner");
        assertThat(view.complete()).as(view.explanation()).isTrue();
    }

    /**
     * A tenant with EUR and USD legal entities: "the CFO also signs above 100,000 EUR / 110,000 USD", one step per
     * currency. The step in the other currency is not a 422 when the policy names the position in the request's too.
     */
    @Test
    void aThresholdPerCurrencyAppliesOnlyInItsCurrency() {
        ApprovalStep cfoAboveEur = new ApprovalStep(ApprovalStep.Kind.POSITION, cfo.positionId(),
                new Money(new BigDecimal("100000"), "EUR"));
        ApprovalStep cfoAboveUsd = new ApprovalStep(ApprovalStep.Kind.POSITION, cfo.positionId(),
                new Money(new BigDecimal("110000"), "USD"));
        StoredPolicy policy = new StoredPolicy(List.of(ApprovalStep.MANAGEMENT_CHAIN, cfoAboveEur, cfoAboveUsd), 1, 8);
        ApprovalChainView small = ApprovalChainResolver.resolve(request("5000", "EUR"),
                facts(policy, List.of(lead, head), Map.of(cfo.positionId(), cfo), null, List.of()));
        assertThat(people(small)).as(small.explanation()).containsExactly("lead", "head");
        assertThat(small.complete()).isTrue();
        ApprovalChainView large = ApprovalChainResolver.resolve(request("105000", "EUR"), facts(policy,
                List.of(lead, seat("head", "200000")), Map.of(cfo.positionId(), cfo), null, List.of()));
        assertThat(people(large)).as(large.explanation()).containsExactly("lead", "head", "cfo");
    }

    /**
     * The lead hands over to the clerk, who hands over to a colleague while away. When the clerk asks, the lead's seat
     * must not be approved by the clerk's own stand-in: the requester may be anywhere on the way, not only at its end.
     */
    @Test
    void aDelegationPassingThroughTheRequesterFallsBackToTheHolder() {
        List<ApprovalFacts.Delegation> delegations = List.of(
                new ApprovalFacts.Delegation(UUID.randomUUID(), "lead", "clerk", null, null, NOW.minusSeconds(60)),
                new ApprovalFacts.Delegation(UUID.randomUUID(), "clerk", "friend", null, null, NOW.minusSeconds(30)));
        ApprovalChainView view = ApprovalChainResolver.resolve(request("500", "EUR"),
                facts(StoredPolicy.DEFAULT, List.of(lead), Map.of(), null, delegations));
        assertThat(people(view)).as(view.explanation()).containsExactly("lead");
        assertThat(view.skipped()).extracting(ApprovalChainView.Skipped::reason).containsExactly("DELEGATE_IS_REQUESTER");
    }

    private static ApprovalFacts facts(StoredPolicy policy, List<ApprovalFacts.Seat> chain,
                                       Map<UUID, ApprovalFacts.Seat> named, ApprovalFacts.CostCenter costCenter,
                                       List<ApprovalFacts.Delegation> delegations) {
        return new ApprovalFacts(UUID.randomUUID(), policy, false, chain, named, costCenter, delegations, Set.of());
    }

    private static ApprovalRequest request(String amount, String currency) {
        return new ApprovalRequest("PURCHASE_ORDER", "clerk", null, new Money(new BigDecimal(amount), currency), null,
                NOW);
    }

    private static ApprovalChainView resolve(ApprovalFacts.Seat named, List<ApprovalFacts.Seat> chain) {
        return resolve(named, chain, "EUR");
    }

    /** A policy naming {@code named} above 1,000 EUR, then the chain; the clerk asks for 5,000 in {@code currency}. */
    private static ApprovalChainView resolve(ApprovalFacts.Seat named, List<ApprovalFacts.Seat> chain, String currency) {
        ApprovalStep namedAbove = new ApprovalStep(ApprovalStep.Kind.POSITION, named.positionId(),
                new Money(new BigDecimal("1000"), "EUR"));
        ApprovalFacts facts = new ApprovalFacts(UUID.randomUUID(),
                new StoredPolicy(List.of(namedAbove, ApprovalStep.MANAGEMENT_CHAIN), 1, 8), false, chain,
                Map.of(named.positionId(), named), null, List.of(), Set.of());
        return ApprovalChainResolver.resolve(request("5000", currency), facts);
    }

    private static ApprovalFacts.Seat seat(String holder, String limit) {
        return new ApprovalFacts.Seat(UUID.randomUUID(), UUID.randomUUID(), holder + "'s position", holder,
                limit == null ? null : new BigDecimal(limit), false);
    }

    private static List<String> people(ApprovalChainView view) {
        return view.approvers().stream().map(ApprovalChainView.Approver::personId).toList();
    }
}
