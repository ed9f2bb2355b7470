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

/** Cases of the resolver that the properties ({@link ApprovalChainProperties}) do not draw: policies of several steps. */
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
        return ApprovalChainResolver.resolve(new ApprovalRequest("PURCHASE_ORDER", "clerk", null,
                new Money(new BigDecimal("5000"), currency), null, NOW), facts);
    }

    private static ApprovalFacts.Seat seat(String holder, String limit) {
        return new ApprovalFacts.Seat(UUID.randomUUID(), UUID.randomUUID(), holder + "'s position", holder,
                limit == null ? null : new BigDecimal(limit), false);
    }

    private static List<String> people(ApprovalChainView view) {
        return view.approvers().stream().map(ApprovalChainView.Approver::personId).toList();
    }
}
