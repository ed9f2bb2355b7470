package dev.orgservice.api.tenant;

/**
 * A tenant's slug, the name in its URLs: the one shape a tenant is registered with, and so the only one a lookup by
 * slug can find.
 */
public final class TenantSlugs {

    public static final String PATTERN = "[a-z0-9-]{3,63}";
    public static final String MESSAGE = "3-63 characters of a-z, 0-9 and -";

    private TenantSlugs() {
    }
}
