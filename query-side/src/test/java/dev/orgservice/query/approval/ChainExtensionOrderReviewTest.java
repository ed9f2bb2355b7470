package dev.orgservice.query.approval;

import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.view.ApprovalChainView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review finding: the managers the chain climbs for {@code minApprovers} can be listed after a later step's approver,
 * out of signing order.
 * <p>
 * Promise: docs/api.md, approval-chain rules ("only if there are still fewer than {@code minApprovers} does the chain
 * go on above where it stopped, its further managers listed after its own and before the later steps' approvers"),
 * and docs/architecture.md ("its further managers inserted after its own, before the later steps' approvers, so the
 * list stays in signing order").
 * <p>
 * Defect: {@code ApprovalChainResolver} remembers where the chain's approvers end ({@code chainApproversEnd}) when the
 * chain step stops, but a later step can still take one of the chain's approvers out of the list: a person met again
 * in a {@code POSITION} step whose limit covers the amount where their chain seat's did not approves once, in the
 * later capacity ({@code movedUp} removes the earlier entry and appends the new one). {@code chainApproversEnd} is
 * only corrected while the chain is being extended ({@code insertAt >= 0}), not during the later steps, so it then
 * points one entry too far and the extension inserts the further manager after the later step's approver.
 * <p>
 * Scenario: chain lead (1,000 EUR), head (10,000), cfo (100,000); policy [chain, POSITION "controlling"] with 3..8
 * approvers; the controlling seat is held by the lead with a 10,000 EUR limit; the clerk asks for 5,000 EUR. The chain
 * stops at head; the lead moves to the controlling step; one approver short, the chain climbs to the cfo.
 * Expected: [head, cfo, lead] (the chain's managers, then the later step's). Observed: [head, lead, cfo].
 */
class ChainExtensionOrderReviewTest {

    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void managersClimbedForMinApproversComeBeforeALaterStepsApproverWhoWasMovedOutOfTheChain() {
        ApprovalFacts.Seat lead = seat("lead", "1000");
        ApprovalFacts.Seat head = seat("head", "10000");
        ApprovalFacts.Seat cfo = seat("cfo", "100000");
        ApprovalFacts.Seat controlling = seat("lead", "10000"); // the lead also holds the controlling seat
        StoredPolicy policy = new StoredPolicy(List.of(ApprovalStep.MANAGEMENT_CHAIN,
                new ApprovalStep(ApprovalStep.Kind.POSITION, controlling.positionId(), null)), 3, 8);
        ApprovalFacts facts = new ApprovalFacts(UUID.randomUUID(), policy, false, List.of(lead, head, cfo),
                Map.of(controlling.positionId(), controlling), null, List.of(), Set.of());

        ApprovalChainView view = ApprovalChainResolver.resolve(new ApprovalRequest("CAPEX", "clerk", null,
                new Money(new BigDecimal("5000"), "EUR"), null, NOW), facts);

        assertThat(view.complete()).as(view.explanation()).isTrue();
        assertThat(view.approvers()).extracting(ApprovalChainView.Approver::personId)
                .as("signing order: the chain's managers (head, and cfo climbed to for minApprovers 3) before the "
                        + "POSITION step's approver (lead, in the controlling capacity); " + view.explanation())
                .containsExactly("head", "cfo", "lead");
        assertThat(view.approvers()).extracting(ApprovalChainView.Approver::step)
                .as("every MANAGEMENT_CHAIN approver is listed before the later POSITION step's approver")
                .containsExactly("MANAGEMENT_CHAIN_UNTIL_AUTHORITY", "MANAGEMENT_CHAIN_UNTIL_AUTHORITY", "POSITION");
    }

    private static ApprovalFacts.Seat seat(String holder, String limit) {
        return new ApprovalFacts.Seat(UUID.randomUUID(), UUID.randomUUID(), holder + "'s position", holder,
                new BigDecimal(limit), false);
    }
}
