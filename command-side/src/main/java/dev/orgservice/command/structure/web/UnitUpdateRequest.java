package dev.orgservice.command.structure.web;

import dev.orgservice.api.structure.PersonIds;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.platform.validation.IsoCountry;
import dev.orgservice.platform.validation.IsoCurrency;
import dev.orgservice.platform.validation.TimeZoneId;
import jakarta.validation.Valid;
import dev.orgservice.platform.validation.Text;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** A PATCH of a unit's name and details: absent fields keep their value. Type, code and parent do not change here. */
public record UnitUpdateRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = Text.NOT_BLANK, message = Text.NOT_BLANK_MESSAGE) String name,
        @Size(max = 200) String legalName,
        @Size(max = 64) String registrationNumber,
        @Size(max = 64) String taxId,
        @IsoCountry String country,
        @IsoCurrency String currency,
        @Valid UnitRequest.AddressRequest address,
        @TimeZoneId String timezone,
        @Valid UnitRequest.GeoRequest geo,
        @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE) String responsiblePersonId,
        @Size(max = 64) String category,
        @Size(max = 64) String segment,
        Instant validTo,
        UUID costCenterId,
        UUID profitCenterId) {

    UnitDetails changedDetails() {
        return new UnitDetails(legalName, registrationNumber, taxId, country, currency,
                address == null ? null : address.toAddress(), timezone, geo == null ? null : geo.toGeoPoint(),
                responsiblePersonId, category, segment, validTo, costCenterId, profitCenterId);
    }
}
