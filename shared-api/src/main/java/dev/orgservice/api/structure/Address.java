package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;

/** A postal address; the API requires at least the city. */
public record Address(@MayBeAbsent String street, String city, @MayBeAbsent String postalCode,
                      @MayBeAbsent String region, @MayBeAbsent String country) {
}
