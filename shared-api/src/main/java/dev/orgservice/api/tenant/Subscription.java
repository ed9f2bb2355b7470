package dev.orgservice.api.tenant;

import java.time.Instant;

/** Billing and subscription information of a tenant. Optional fields are null when unknown. */
public record Subscription(
        String plan,
        SubscriptionStatus status,
        Integer seats,
        String billingEmail,
        BillingCycle billingCycle,
        Instant trialEndsAt,
        String externalCustomerId) {
}
