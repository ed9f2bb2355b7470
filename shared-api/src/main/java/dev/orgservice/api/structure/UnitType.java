package dev.orgservice.api.structure;

/** The kinds of organizational unit. Which type may sit under which is fixed by the aggregate's parent matrix. */
public enum UnitType {
    LEGAL_ENTITY, BRANCH, DEPARTMENT, COST_CENTER, PROFIT_CENTER
}
