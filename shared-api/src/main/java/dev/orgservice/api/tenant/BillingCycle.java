package dev.orgservice.api.tenant;

public enum BillingCycle {
    MONTHLY, YEARLY
}
