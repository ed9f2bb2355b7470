package dev.orgservice.platform.security;

/**
 * The roles a token may carry in its {@code roles} claim. The constants below are the method-security
 * expressions the controllers use, so the role x endpoint matrix reads the same everywhere.
 */
public enum Role {
    PLATFORM_ADMIN, TENANT_ADMIN, ORG_EDITOR, ORG_VIEWER, AUDITOR;

    public static final String PLATFORM = "hasRole('PLATFORM_ADMIN')";
    public static final String TENANT_ADMINISTRATION = "hasAnyRole('PLATFORM_ADMIN','TENANT_ADMIN')";
    public static final String STRUCTURE_EDITING = "hasAnyRole('PLATFORM_ADMIN','TENANT_ADMIN','ORG_EDITOR')";
    public static final String READING = "hasAnyRole('PLATFORM_ADMIN','TENANT_ADMIN','ORG_EDITOR','ORG_VIEWER','AUDITOR')";
}
