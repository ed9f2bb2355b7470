package dev.orgservice.api.tenant;

import dev.orgservice.api.MayBeAbsent;

import java.time.Instant;

/** Billing and subscription information of a tenant. Optional fields are null when unknown. */
public record Subscription(
        String plan,
        SubscriptionStatus status,
        @MayBeAbsent Integer seats,
        @MayBeAbsent String billingEmail,
        @MayBeAbsent BillingCycle billingCycle,
        @MayBeAbsent Instant trialEndsAt,
        @MayBeAbsent String externalCustomerId) {
}
