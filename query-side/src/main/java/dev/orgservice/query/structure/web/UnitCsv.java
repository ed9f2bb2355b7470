package dev.orgservice.query.structure.web;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.orgservice.api.structure.Address;
import dev.orgservice.api.structure.GeoPoint;
import dev.orgservice.api.structure.UnitDetails;
import dev.orgservice.platform.web.SpreadsheetCells;
import dev.orgservice.query.structure.UnitExport.ExportedUnit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exported units as the CSV file a unit import reads ({@code POST .../units/import}, {@code text/csv}): one column per
 * field of an import row, named as the import names them (dotted for the address and geo point), units named by code.
 * UTF-8 with a byte order mark (so that Excel reads umlauts right), comma-separated, quoted as RFC 4180; text cells a
 * spreadsheet would take for a formula are guarded ({@link SpreadsheetCells}), which the import undoes.
 */
final class UnitCsv {

    static final List<String> COLUMNS = List.of("type", "code", "name", "parentCode", "legalName", "registrationNumber",
            "taxId", "country", "currency", "address.street", "address.city", "address.postalCode", "address.region",
            "address.country", "timezone", "geo.latitude", "geo.longitude", "responsiblePersonId", "category", "segment",
            "validTo", "costCenterCode", "profitCenterCode");
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = COLUMNS.stream()
            .reduce(CsvSchema.builder(), CsvSchema.Builder::addColumn, (a, b) -> a).build().withHeader()
            .withLineSeparator("\r\n");

    private UnitCsv() {
    }

    /** The file; each row is written as it is made (a list of 100,000 rows' maps would be a few hundred MB). */
    static byte[] of(List<ExportedUnit> units) {
        ByteArrayOutputStream file = new ByteArrayOutputStream(256 + units.size() * 128);
        file.writeBytes("\uFEFF".getBytes(StandardCharsets.UTF_8));
        try (SequenceWriter rows = CSV.writer(SCHEMA).writeValues(file)) {
            for (ExportedUnit unit : units) {
                rows.write(row(unit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("units could not be written as CSV", e);
        }
        return file.toByteArray();
    }

    /**
     * One unit's line: its details that its type takes. A {@code PATCH} does not check details against the type, so
     * a department may hold a responsible person, which an import would refuse: such details are left out.
     */
    private static Map<String, String> row(ExportedUnit unit) {
        UnitDetails details = unit.details().takenBy(unit.type());
        Map<String, String> row = new LinkedHashMap<>();
        row.put("type", unit.type().name());
        row.put("code", unit.code());
        text(row, "name", unit.name());
        row.put("parentCode", unit.parentCode());
        text(row, "legalName", details.legalName());
        text(row, "registrationNumber", details.registrationNumber());
        text(row, "taxId", details.taxId());
        row.put("country", details.country());
        row.put("currency", details.currency());
        Address address = details.address();
        if (address != null) {
            text(row, "address.street", address.street());
            text(row, "address.city", address.city());
            text(row, "address.postalCode", address.postalCode());
            text(row, "address.region", address.region());
            row.put("address.country", address.country());
        }
        row.put("timezone", details.timezone());
        GeoPoint geo = details.geo();
        if (geo != null) {
            row.put("geo.latitude", Double.toString(geo.latitude()));
            row.put("geo.longitude", Double.toString(geo.longitude()));
        }
        text(row, "responsiblePersonId", details.responsiblePersonId());
        text(row, "category", details.category());
        text(row, "segment", details.segment());
        row.put("validTo", details.validTo() == null ? null : details.validTo().toString());
        row.put("costCenterCode", unit.costCenterCode());
        row.put("profitCenterCode", unit.profitCenterCode());
        return row;
    }

    /** Free text, which a person typed and a spreadsheet must not run. */
    private static void text(Map<String, String> row, String column, String value) {
        row.put(column, SpreadsheetCells.guard(value));
    }
}
