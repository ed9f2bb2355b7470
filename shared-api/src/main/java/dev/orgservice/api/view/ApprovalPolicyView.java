package dev.orgservice.api.view;

import dev.orgservice.api.approval.ApprovalStep;

import java.time.Instant;
import java.util.List;

/**
 * The policy of a purpose in force at {@code asOf}: from {@code validFrom} until {@code validTo} (absent: until
 * further notice). {@code defaultPolicy}: no policy is defined and the built-in default applies.
 */
public record ApprovalPolicyView(String purpose, List<ApprovalStep> steps, int minApprovers, int maxApprovers,
                                 boolean defaultPolicy, Instant validFrom, Instant validTo, Instant asOf) {
}
