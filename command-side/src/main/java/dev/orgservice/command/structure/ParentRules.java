package dev.orgservice.command.structure;

import dev.orgservice.api.structure.UnitType;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.orgservice.api.structure.UnitType.BRANCH;
import static dev.orgservice.api.structure.UnitType.COST_CENTER;
import static dev.orgservice.api.structure.UnitType.DEPARTMENT;
import static dev.orgservice.api.structure.UnitType.LEGAL_ENTITY;
import static dev.orgservice.api.structure.UnitType.PROFIT_CENTER;

/**
 * Which unit type may sit under which (docs/architecture.md). Only a legal entity may be a root; a legal
 * entity may also sit under another (a holding).
 */
final class ParentRules {

    private static final Map<UnitType, Set<UnitType>> ALLOWED_PARENTS = Map.of(
            LEGAL_ENTITY, EnumSet.of(LEGAL_ENTITY),
            BRANCH, EnumSet.of(LEGAL_ENTITY),
            DEPARTMENT, EnumSet.of(LEGAL_ENTITY, BRANCH, DEPARTMENT),
            COST_CENTER, EnumSet.of(LEGAL_ENTITY, COST_CENTER),
            PROFIT_CENTER, EnumSet.of(LEGAL_ENTITY, PROFIT_CENTER));

    private ParentRules() {
    }

    static boolean mayBeRoot(UnitType type) {
        return type == LEGAL_ENTITY;
    }

    static boolean isAllowedParent(UnitType child, UnitType parent) {
        return ALLOWED_PARENTS.get(child).contains(parent);
    }

    static Set<UnitType> allowedParents(UnitType child) {
        return ALLOWED_PARENTS.get(child);
    }
}
