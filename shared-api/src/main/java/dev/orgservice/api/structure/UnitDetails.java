package dev.orgservice.api.structure;

import java.time.Instant;
import java.util.UUID;

/**
 * The type-specific details of a unit, all optional; which apply depends on the type:
 * legal entity: legalName, registrationNumber, taxId, country, currency, address;
 * branch: address, timezone, geo; cost center: responsiblePersonId, category, validTo;
 * profit center: responsiblePersonId, segment, validTo; department: costCenterId, profitCenterId.
 */
public record UnitDetails(
        String legalName,
        String registrationNumber,
        String taxId,
        String country,
        String currency,
        Address address,
        String timezone,
        GeoPoint geo,
        String responsiblePersonId,
        String category,
        String segment,
        Instant validTo,
        UUID costCenterId,
        UUID profitCenterId) {

    public static final UnitDetails NONE =
            new UnitDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
