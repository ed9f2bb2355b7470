package dev.orgservice.api.approval;

import dev.orgservice.api.MayBeAbsent;

import java.util.UUID;

/**
 * One step of an approval policy, applied in order:
 * {@code MANAGEMENT_CHAIN_UNTIL_AUTHORITY}: the requester's managers, nearest first, until one's authority covers
 * the amount; {@code POSITION}: the holder of {@code positionId}, when the amount is above {@code above} (always
 * when {@code above} is null); {@code COST_CENTER_OWNER}: the responsible person of the cost center charged.
 */
public record ApprovalStep(Kind kind, @MayBeAbsent UUID positionId, @MayBeAbsent Money above) {

    public enum Kind { MANAGEMENT_CHAIN_UNTIL_AUTHORITY, POSITION, COST_CENTER_OWNER }

    public static final ApprovalStep MANAGEMENT_CHAIN = new ApprovalStep(Kind.MANAGEMENT_CHAIN_UNTIL_AUTHORITY, null, null);
}
