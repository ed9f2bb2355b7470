package dev.orgservice.query.structure;

import dev.orgservice.api.structure.UnitStatus;
import dev.orgservice.api.structure.UnitType;

/**
 * Which units a list shows, each part optional: the type, the status at the list's {@code asOf}, {@code q} (a prefix
 * of the code or of a word of the name, ignoring case) and {@code after}, a code: only units whose code sorts after
 * it, the cursor that lets a client walk a long list page by page without the database walking every page before
 * the one it asks for (an offset does).
 */
public record UnitFilter(UnitType type, UnitStatus status, String q, String after) {
}
