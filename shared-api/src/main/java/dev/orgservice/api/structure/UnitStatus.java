package dev.orgservice.api.structure;

public enum UnitStatus {
    ACTIVE, CLOSED
}
