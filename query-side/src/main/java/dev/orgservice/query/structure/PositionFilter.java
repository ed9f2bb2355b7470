package dev.orgservice.query.structure;

import java.util.UUID;

/**
 * Which of a tenant's open positions a list shows, each part optional: vacant (or held) ones, manager (or other)
 * ones, and those after the position {@code after} in the list's order (by creation): the cursor that lets a client
 * walk a long list page by page without the database walking every page before the one it asks for.
 */
public record PositionFilter(Boolean vacant, Boolean manager, UUID after) {
}
