package dev.orgservice.query.approval;

import dev.orgservice.api.approval.ApprovalStep;
import dev.orgservice.api.approval.Money;
import dev.orgservice.api.error.ErrorCode;
import dev.orgservice.api.view.ApprovalChainView;
import dev.orgservice.api.view.ApprovalChainView.Approver;
import dev.orgservice.api.view.ApprovalChainView.Skipped;
import dev.orgservice.platform.problem.OrgException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The approval rules, as a pure function of a request and the facts loaded for it. The policy's steps run in
 * order; along the way the requester never approves (skipped), nobody approves twice (skipped), a vacant
 * position is skipped and the chain goes on above it, and a holder who delegates is replaced by the final
 * delegate (at most 3 hops), unless the delegations lead to the requester. The management-chain step stops at the
 * first position whose limit, in the request's currency, covers the amount (limits are never converted); only a
 * policy still short of its {@code minApprovers} after every step has it go on above.
 */
final class ApprovalChainResolver {

    static final int MAX_DELEGATION_HOPS = 3;

    private final ApprovalRequest request;
    private final ApprovalFacts facts;
    private final List<Approver> approvers = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> approving = new HashSet<>();
    private boolean complete = true;
    /** Where the management-chain step stopped: the next seat up, and where its approvers end in the list. */
    private int nextChainSeat = -1;
    private int chainApproversEnd = -1;
    /** While the chain is extended: where its next approver goes (after the chain's own, before later steps'). */
    private int insertAt = -1;

    private ApprovalChainResolver(ApprovalRequest request, ApprovalFacts facts) {
        this.request = request;
        this.facts = facts;
    }

    static ApprovalChainView resolve(ApprovalRequest request, ApprovalFacts facts) {
        return new ApprovalChainResolver(request, facts).run();
    }

    private ApprovalChainView run() {
        StoredPolicy policy = facts.policy();
        notes.add(facts.defaultPolicy()
                ? "No policy is defined for " + request.purpose() + "; the default applies: the management chain until authority."
                : "Policy for " + request.purpose() + ": " + policy.steps().stream().map(s -> s.kind().name()).toList() + ".");
        for (ApprovalStep step : policy.steps()) {
            switch (step.kind()) {
                case MANAGEMENT_CHAIN_UNTIL_AUTHORITY -> managementChain();
                case POSITION -> namedPosition(step, policy.steps());
                case COST_CENTER_OWNER -> costCenterOwner();
            }
        }
        extendChainTo(policy.minApprovers());
        if (approvers.size() < policy.minApprovers()) {
            incomplete("The policy needs at least " + policy.minApprovers() + " approver(s); " + approvers.size() + " found.");
        }
        if (approvers.size() > policy.maxApprovers()) {
            incomplete("The policy allows at most " + policy.maxApprovers() + " approver(s); " + approvers.size() + " are needed.");
        }
        if (complete) {
            notes.add("Complete: " + approvers.size() + " approver(s).");
        }
        return new ApprovalChainView(request.purpose(), request.requesterId(), facts.requesterPositionId(),
                request.amount(), request.asOf(), complete, List.copyOf(approvers), List.copyOf(skipped),
                String.join(" ", notes));
    }

    // ---- steps -------------------------------------------------------------------------------------------

    /**
     * The requester's managers, nearest first, until one whose limit covers the amount: the steps after it add their
     * own approvers before {@code minApprovers} is counted ({@link #extendChainTo}).
     */
    private void managementChain() {
        String step = ApprovalStep.Kind.MANAGEMENT_CHAIN_UNTIL_AUTHORITY.name();
        if (facts.chain().isEmpty()) {
            incomplete(request.requesterId() + " has no manager above them.");
            return;
        }
        if (facts.chain().stream().noneMatch(seat -> seat.authority() != null)) {
            throw new OrgException(ErrorCode.CURRENCY_NOT_COVERED, "No position in the management chain of "
                    + request.requesterId() + " has an approval limit for " + request.purpose() + " in "
                    + request.amount().currency() + "; amounts are never converted between currencies",
                    Map.of("currency", request.amount().currency(), "purpose", request.purpose()));
        }
        for (int index = 0; index < facts.chain().size(); index++) {
            ApprovalFacts.Seat seat = facts.chain().get(index);
            String covering = covers(seat) ? "; the limit " + limit(seat) + " covers " + request.amount() : "";
            Outcome outcome = seat(seat, step, "manager in the chain of " + request.requesterId() + covering);
            // a covering seat whose person approves already (named by an earlier step) covers as well
            if (covers(seat) && outcome != Outcome.PASSED_OVER) {
                notes.add("The chain stops at " + seat.title() + " (" + limit(seat) + ").");
                nextChainSeat = index + 1;
                chainApproversEnd = approvers.size();
                return;
            }
        }
        incomplete("Nobody in the management chain has authority for " + request.amount()
                + (highestLimit().map(seat -> "; the highest is " + limit(seat) + " (" + seat.title() + ")").orElse("")) + ".");
    }

    /**
     * Fewer approvers than the policy's minimum after all its steps: the management chain goes on above where it
     * stopped, its further approvers following its own (before the later steps'), until there are enough. Counted
     * only now, so that a step after the chain ("the manager who covers, and the budget owner") is not preceded by
     * managers climbed for a minimum it fills itself.
     */
    private void extendChainTo(int minApprovers) {
        if (approvers.size() >= minApprovers || nextChainSeat < 0) {
            return;
        }
        insertAt = chainApproversEnd;
        for (int index = nextChainSeat; index < facts.chain().size() && approvers.size() < minApprovers; index++) {
            ApprovalFacts.Seat seat = facts.chain().get(index);
            seat(seat, ApprovalStep.Kind.MANAGEMENT_CHAIN_UNTIL_AUTHORITY.name(), "manager in the chain of "
                    + request.requesterId() + ", above the covering one: the policy needs " + minApprovers
                    + " approvers");
            if (approvers.size() >= minApprovers) {
                notes.add("The chain goes on to " + seat.title() + " for the policy's " + minApprovers + " approvers.");
            }
        }
        insertAt = -1;
    }

    private void namedPosition(ApprovalStep step, List<ApprovalStep> steps) {
        if (step.above() != null) {
            if (!step.above().currency().equals(request.amount().currency())) {
                if (hasThresholdInRequestCurrency(steps, step)) {
                    notes.add("Position step above " + step.above() + " not for " + request.amount().currency()
                            + ": the policy names the position with a threshold in " + request.amount().currency()
                            + " too.");
                    return;
                }
                throw new OrgException(ErrorCode.CURRENCY_NOT_COVERED, "The policy's threshold for position "
                        + step.positionId() + " is in " + step.above().currency() + ", the request in "
                        + request.amount().currency() + "; amounts are never converted",
                        Map.of("currency", request.amount().currency(), "purpose", request.purpose()));
            }
            if (request.amount().amount().compareTo(step.above().amount()) <= 0) {
                notes.add("Position step not needed: " + request.amount() + " is not above " + step.above() + ".");
                return;
            }
        }
        ApprovalFacts.Seat seat = facts.namedPositions().get(step.positionId());
        if (seat != null && seat.closed()) {
            incomplete("The policy names position " + seat.title() + ", which is closed; name another in the policy.");
            skipped.add(new Skipped(seat.positionId(), null, "CLOSED"));
            return;
        }
        if (seat == null || seat.holderId() == null) {
            incomplete("The policy names position " + (seat == null ? step.positionId() : seat.title())
                    + ", which is vacant.");
            if (seat != null) {
                skipped.add(new Skipped(seat.positionId(), null, "VACANT"));
            }
            return;
        }
        seat(seat, step.kind().name(), step.above() == null ? "named by the policy"
                : "named by the policy above " + step.above());
    }

    /** A threshold per currency: the policy names the step's position again, above an amount in the request's. */
    private boolean hasThresholdInRequestCurrency(List<ApprovalStep> steps, ApprovalStep step) {
        return steps.stream().anyMatch(other -> other.kind() == ApprovalStep.Kind.POSITION
                && step.positionId().equals(other.positionId()) && other.above() != null
                && other.above().currency().equals(request.amount().currency()));
    }

    private void costCenterOwner() {
        ApprovalFacts.CostCenter costCenter = facts.costCenter();
        if (costCenter == null) {
            throw new OrgException(ErrorCode.RULE_VIOLATION, "The policy for " + request.purpose()
                    + " asks the owner of the cost center charged; give costCenterId", Map.of("parameter", "costCenterId"));
        }
        if (costCenter.unavailable() != null) {
            incomplete(costCenter.unavailable());
            return;
        }
        if (costCenter.ownerId() == null) {
            incomplete("Cost center " + costCenter.code() + " has no responsible person.");
            return;
        }
        seat(new ApprovalFacts.Seat(null, costCenter.unitId(), "owner of cost center " + costCenter.code(),
                costCenter.ownerId(), null, false), ApprovalStep.Kind.COST_CENTER_OWNER.name(),
                "responsible person of cost center " + costCenter.code());
    }

    // ---- one position ------------------------------------------------------------------------------------

    /** What became of a seat: its person approves in its capacity, approves already in a covering one, or not at all. */
    private enum Outcome { APPROVES, APPROVES_ALREADY, PASSED_OVER }

    /** Adds the seat's approver (its holder or their delegate), or says why not. */
    private Outcome seat(ApprovalFacts.Seat seat, String step, String reason) {
        String holder = seat.holderId();
        if (holder == null) {
            skip(seat, null, "VACANT", seat.title() + " is vacant; escalated to the next level.");
            return Outcome.PASSED_OVER;
        }
        if (holder.equals(request.requesterId())) {
            skip(seat, holder, "REQUESTER", holder + " (" + seat.title() + ") is the requester and cannot approve.");
            return Outcome.PASSED_OVER;
        }
        String person = holder;
        String delegatedFrom = null;
        ApprovalFacts.Delegation delegation = finalDelegation(holder);
        if (delegation != null) {
            if (delegation.delegateId().equals(request.requesterId())) {
                skip(seat, delegation.delegateId(), "DELEGATE_IS_REQUESTER", holder + " delegates to "
                        + delegation.delegateId() + ", the requester; " + holder + " approves.");
            } else {
                person = delegation.delegateId();
                delegatedFrom = holder;
                notes.add(person + " approves for " + holder + " (" + seat.title() + ") by delegation.");
            }
        }
        Approver approver = new Approver(step, person, seat.positionId(), seat.unitId(), money(seat.authority()), reason,
                delegatedFrom);
        if (!approving.add(person)) {
            return movedUp(approver, seat);
        }
        add(approver);
        return Outcome.APPROVES;
    }

    /**
     * The person already approves in a lower capacity. Asked once only: where this seat's limit covers the amount
     * and the earlier one's does not, they approve here instead (so the chain still ends with enough authority)
     * and the earlier seat is the one passed over; otherwise this seat is, and where both cover, the person's
     * earlier approval is this seat's too.
     */
    private Outcome movedUp(Approver approver, ApprovalFacts.Seat seat) {
        Approver earlier = approvers.stream().filter(a -> a.personId().equals(approver.personId())).findFirst().orElseThrow();
        boolean earlierCovers = earlier.authority() != null && earlier.authority().covers(request.amount());
        if (!covers(seat) || earlierCovers) {
            skip(seat, approver.personId(), "DUPLICATE", approver.personId() + " already approves; " + seat.title()
                    + " is not asked again.");
            return covers(seat) ? Outcome.APPROVES_ALREADY : Outcome.PASSED_OVER;
        }
        // the chain's approvers end one entry earlier, whether the chain is being extended now or may be later
        int earlierAt = approvers.indexOf(earlier);
        if (insertAt >= 0 && earlierAt < insertAt) {
            insertAt--;
        }
        if (earlierAt < chainApproversEnd) {
            chainApproversEnd--;
        }
        approvers.remove(earlier);
        add(approver);
        skipped.add(new Skipped(earlier.positionId(), earlier.personId(), "DUPLICATE"));
        notes.add(approver.personId() + " also holds " + seat.title() + " and approves once, in that capacity.");
        return Outcome.APPROVES;
    }

    /**
     * Follows the holder's delegations in force (purpose, date, unit scope, amount) to the final delegate, at most
     * {@link #MAX_DELEGATION_HOPS} hops; when several apply, the most recently granted wins. Null: none applies. Stops
     * at the requester, wherever they are on the way.
     */
    private ApprovalFacts.Delegation finalDelegation(String holder) {
        ApprovalFacts.Delegation last = null;
        String person = holder;
        Set<String> visited = new HashSet<>(Set.of(holder));
        for (int hop = 0; hop < MAX_DELEGATION_HOPS; hop++) {
            String from = person;
            ApprovalFacts.Delegation next = facts.delegations().stream()
                    .filter(d -> d.delegatorId().equals(from) && applies(d))
                    .max(Comparator.comparing(ApprovalFacts.Delegation::grantedAt)).orElse(null);
            if (next == null || !visited.add(next.delegateId())) {
                break;
            }
            last = new ApprovalFacts.Delegation(next.delegationId(), holder, next.delegateId(), next.unitScope(),
                    next.maxAmount(), next.grantedAt());
            if (next.delegateId().equals(request.requesterId())) {
                break; // past the requester, their own stand-in would approve the request: the holder does
            }
            person = next.delegateId();
        }
        return last;
    }

    private boolean applies(ApprovalFacts.Delegation delegation) {
        return (delegation.unitScope() == null || facts.requesterUnitAndAncestors().contains(delegation.unitScope()))
                && (delegation.maxAmount() == null || delegation.maxAmount().covers(request.amount()));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** At the end, or while the chain is extended after its own approvers. */
    private void add(Approver approver) {
        if (insertAt < 0) {
            approvers.add(approver);
        } else {
            approvers.add(insertAt++, approver);
        }
    }

    private void skip(ApprovalFacts.Seat seat, String person, String reason, String note) {
        skipped.add(new Skipped(seat.positionId(), person, reason));
        notes.add(note);
    }

    private void incomplete(String why) {
        complete = false;
        if (!why.isEmpty()) {
            notes.add("Incomplete: " + why);
        }
    }

    private boolean covers(ApprovalFacts.Seat seat) {
        return seat.authority() != null && seat.authority().compareTo(request.amount().amount()) >= 0;
    }

    private Optional<ApprovalFacts.Seat> highestLimit() {
        return facts.chain().stream().filter(seat -> seat.authority() != null)
                .max(Comparator.comparing(ApprovalFacts.Seat::authority));
    }

    private String limit(ApprovalFacts.Seat seat) {
        return seat.authority() == null ? "no limit in " + request.amount().currency() : money(seat.authority()).toString();
    }

    private Money money(BigDecimal amount) {
        return amount == null ? null : new Money(amount, request.amount().currency());
    }
}
