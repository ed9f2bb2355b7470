package dev.orgservice.api.view;

public record PlanLimitsView(int maxUnits, int maxPositions) {
}
