package dev.orgservice.command.structure.web;

import dev.orgservice.api.structure.PersonIds;
import dev.orgservice.api.structure.Address;
import dev.orgservice.api.structure.GeoPoint;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.api.structure.UnitType;
import dev.orgservice.platform.problem.Problems;
import dev.orgservice.platform.validation.IsoCountry;
import dev.orgservice.platform.validation.IsoCurrency;
import dev.orgservice.platform.validation.TimeZoneId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import dev.orgservice.platform.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A unit to create, alone or as a row of an import (where the parent may be named by {@code parentCode}, and a
 * department's centers by {@code costCenterCode} and {@code profitCenterCode}: units of the tenant or earlier rows).
 */
@Schema(example = """
        {"type": "LEGAL_ENTITY", "code": "ACME-DE", "name": "Acme Deutschland", "country": "DE", "currency": "EUR",
         "legalName": "Acme Deutschland GmbH", "registrationNumber": "HRB 12345"}""")
public record UnitRequest(
        @NotNull UnitType type,
        @NotNull @Pattern(regexp = UnitRequest.CODE, message = "1-64 characters of A-Z, a-z, 0-9, '.', '_', '/', '-'")
        String code,
        @NotBlank @Pattern(regexp = Text.NOT_BLANK, message = Text.NOT_BLANK_MESSAGE) @Size(max = 200) String name,
        UUID parentId,
        @Size(max = 64) String parentCode,
        Instant effectiveFrom,
        @Size(max = 200) String legalName,
        @Size(max = 64) String registrationNumber,
        @Size(max = 64) String taxId,
        @IsoCountry String country,
        @IsoCurrency String currency,
        @Valid AddressRequest address,
        @TimeZoneId String timezone,
        @Valid GeoRequest geo,
        @Pattern(regexp = PersonIds.PATTERN, message = PersonIds.MESSAGE)
        String responsiblePersonId,
        @Size(max = 64) String category,
        @Size(max = 64) String segment,
        Instant validTo,
        UUID costCenterId,
        UUID profitCenterId,
        @Size(max = 64) String costCenterCode,
        @Size(max = 64) String profitCenterCode) {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";

    /** Rules that depend on the type: what a legal entity must have, which details belong to which type. */
    List<Problems.FieldError> typeErrors(String prefix) {
        List<Problems.FieldError> errors = new ArrayList<>();
        if (type == null) {
            return errors;
        }
        if (type == UnitType.LEGAL_ENTITY) {
            require(country != null, prefix + "country", "is required for a legal entity", errors);
            require(currency != null, prefix + "currency", "is required for a legal entity", errors);
        }
        boolean center = type == UnitType.COST_CENTER || type == UnitType.PROFIT_CENTER;
        require(type == UnitType.DEPARTMENT || (costCenterId == null && profitCenterId == null
                        && costCenterCode == null && profitCenterCode == null),
                prefix + "costCenterId", "only a department is assigned cost or profit centers", errors);
        require(costCenterId == null || costCenterCode == null, prefix + "costCenterCode",
                "give costCenterId or costCenterCode, not both", errors);
        require(profitCenterId == null || profitCenterCode == null, prefix + "profitCenterCode",
                "give profitCenterId or profitCenterCode, not both", errors);
        require(center || (responsiblePersonId == null && validTo == null),
                prefix + "responsiblePersonId", "only cost and profit centers have a responsible person and validity", errors);
        require(type == UnitType.COST_CENTER || category == null, prefix + "category", "only for cost centers", errors);
        require(type == UnitType.PROFIT_CENTER || segment == null, prefix + "segment", "only for profit centers", errors);
        require(type == UnitType.BRANCH || (geo == null && timezone == null), prefix + "geo",
                "location (geo, timezone) is only for branches", errors);
        return errors;
    }

    UnitDetails details() {
        return new UnitDetails(legalName, registrationNumber, taxId, country, currency,
                address == null ? null : address.toAddress(), timezone, geo == null ? null : geo.toGeoPoint(),
                responsiblePersonId, category, segment, validTo, costCenterId, profitCenterId);
    }

    private static void require(boolean condition, String field, String message, List<Problems.FieldError> errors) {
        if (!condition) {
            errors.add(new Problems.FieldError(field, message));
        }
    }

    public record AddressRequest(@Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
                                 @Size(max = 20) String postalCode, @Size(max = 100) String region,
                                 @IsoCountry String country) {
        Address toAddress() {
            return new Address(street, city, postalCode, region, country);
        }
    }

    public record GeoRequest(@NotNull @jakarta.validation.constraints.DecimalMin("-90") @jakarta.validation.constraints.DecimalMax("90") Double latitude,
                             @NotNull @jakarta.validation.constraints.DecimalMin("-180") @jakarta.validation.constraints.DecimalMax("180") Double longitude) {
        GeoPoint toGeoPoint() {
            return new GeoPoint(latitude, longitude);
        }
    }
}
