package dev.orgservice.api.view;

import java.util.List;

/** What a retry of the parked events did: how many tenants it caught up, and those still held back. */
public record ParkedRetryResult(int released, List<ParkedTenantView> stillParked) {
}
