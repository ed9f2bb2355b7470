package dev.orgservice.api.structure;

public record Address(String street, String city, String postalCode, String region, String country) {
}
