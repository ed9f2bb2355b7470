package dev.orgservice.api.tenant;

/** Lifecycle: {@code PROVISIONING -> ACTIVE <-> SUSPENDED}, and {@code ACTIVE|SUSPENDED -> OFFBOARDED} (terminal). */
public enum TenantStatus {
    PROVISIONING, ACTIVE, SUSPENDED, OFFBOARDED
}
