package dev.orgservice.command.tenant.web;

import jakarta.validation.constraints.NotNull;

public record FeatureToggleRequest(@NotNull Boolean enabled) {
}
