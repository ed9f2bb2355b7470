package dev.orgservice.api.tenant;

/** Billing's word about the subscription; it does not change the tenant's lifecycle by itself. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAST_DUE, CANCELED
}
