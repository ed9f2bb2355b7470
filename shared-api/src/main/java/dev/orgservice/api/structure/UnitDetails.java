package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;

import java.time.Instant;
import java.util.UUID;

/**
 * The type-specific details of a unit, all optional; which apply depends on the type:
 * legal entity: legalName, registrationNumber, taxId, country, currency, address;
 * branch: address, timezone, geo; cost center: responsiblePersonId, category, validTo;
 * profit center: responsiblePersonId, segment, validTo; department: costCenterId, profitCenterId.
 */
public record UnitDetails(
        @MayBeAbsent String legalName,
        @MayBeAbsent String registrationNumber,
        @MayBeAbsent String taxId,
        @MayBeAbsent String country,
        @MayBeAbsent String currency,
        @MayBeAbsent Address address,
        @MayBeAbsent String timezone,
        @MayBeAbsent GeoPoint geo,
        @MayBeAbsent String responsiblePersonId,
        @MayBeAbsent String category,
        @MayBeAbsent String segment,
        @MayBeAbsent Instant validTo,
        @MayBeAbsent UUID costCenterId,
        @MayBeAbsent UUID profitCenterId) {

    public static final UnitDetails NONE =
            new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
