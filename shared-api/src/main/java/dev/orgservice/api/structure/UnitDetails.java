package dev.orgservice.api.structure;

import dev.orgservice.api.MayBeAbsent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The details set here that a unit of {@code type} does not take, by field name: a responsible person and a
     * validity belong to centers, a category to cost centers, a segment to profit centers, a location (geo, timezone)
     * to branches. (A department's centers are checked against the centers themselves, elsewhere.)
     */
    public List<String> foreignTo(UnitType type) {
        boolean center = type == UnitType.COST_CENTER || type == UnitType.PROFIT_CENTER;
        List<String> foreign = new ArrayList<>();
        addIf(!center && responsiblePersonId != null, "responsiblePersonId", foreign);
        addIf(!center && validTo != null, "validTo", foreign);
        addIf(type != UnitType.COST_CENTER && category != null, "category", foreign);
        addIf(type != UnitType.PROFIT_CENTER && segment != null, "segment", foreign);
        addIf(type != UnitType.BRANCH && geo != null, "geo", foreign);
        addIf(type != UnitType.BRANCH && timezone != null, "timezone", foreign);
        return foreign;
    }

    /** These details without those a unit of {@code type} does not take ({@link #foreignTo}). */
    public UnitDetails takenBy(UnitType type) {
        List<String> foreign = foreignTo(type);
        return foreign.isEmpty() ? this : new UnitDetails(legalName, registrationNumber, taxId, country, currency,
                address, foreign.contains("timezone") ? null : timezone, foreign.contains("geo") ? null : geo,
                foreign.contains("responsiblePersonId") ? null : responsiblePersonId,
                foreign.contains("category") ? null : category, foreign.contains("segment") ? null : segment,
                foreign.contains("validTo") ? null : validTo, costCenterId, profitCenterId);
    }

    private static void addIf(boolean condition, String field, List<String> fields) {
        if (condition) {
            fields.add(field);
        }
    }
}
