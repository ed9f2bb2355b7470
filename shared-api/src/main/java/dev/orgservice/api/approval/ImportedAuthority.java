package dev.orgservice.api.approval;

import java.util.UUID;

/** One row of a bulk import of approval authorities: the position's limit for a purpose. */
public record ImportedAuthority(UUID positionId, String purpose, Money limit) {
}
