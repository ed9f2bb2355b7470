package dev.orgservice.command.structure.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Move a unit (with its subtree) under a new parent; a legal entity may move to the root with a null parent. */
public record MoveRequest(UUID newParentId, @Schema(example = "2027-01-01T00:00:00Z") Instant effectiveFrom) {
}
