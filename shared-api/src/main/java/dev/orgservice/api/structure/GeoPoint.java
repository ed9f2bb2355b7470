package dev.orgservice.api.structure;

public record GeoPoint(double latitude, double longitude) {
}
