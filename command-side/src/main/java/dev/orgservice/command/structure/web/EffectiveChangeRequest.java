package dev.orgservice.command.structure.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** Close or reopen a unit, close a position: when it takes effect (an instant or a date; default now). */
public record EffectiveChangeRequest(@Schema(example = "2027-01-01T00:00:00Z") Instant effectiveFrom) {
}
