package dev.orgservice.platform.security;

/**
 * The roles a token may carry in its {@code roles} claim. The constants below are the method-security
 * expressions the controllers use, so the role x endpoint matrix reads the same everywhere.
 */
public enum Role {
    PLATFORM_ADMIN, TENANT_ADMIN, ORG_EDITOR, ORG_VIEWER, AUDITOR;

    /**
     * A platform operator: {@code PLATFORM_ADMIN} in a token without {@code tenant_id}. A tenant-bound token that
     * also carries {@code PLATFORM_ADMIN} is confined to its tenant, where it acts as its tenant's administrator,
     * so it neither lists, creates nor suspends tenants, nor sees other tenants' parked events.
     */
    public static final String PLATFORM = "hasRole('PLATFORM_ADMIN') and principal.claims['tenant_id'] == null";
    public static final String TENANT_ADMINISTRATION = "hasAnyRole('PLATFORM_ADMIN','TENANT_ADMIN')";
    public static final String STRUCTURE_EDITING = "hasAnyRole('PLATFORM_ADMIN','TENANT_ADMIN','ORG_EDITOR')";
    public static final String READING = "hasAnyRole('PLATFORM_ADMIN','TENANT_ADMIN','ORG_EDITOR','ORG_VIEWER','AUDITOR')";
}
