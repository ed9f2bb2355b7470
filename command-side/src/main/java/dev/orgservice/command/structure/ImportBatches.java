package dev.orgservice.command.structure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * How an import's rows are cut into events: at most {@link #MAX_ROWS} rows, and at most {@link #MAX_ROW_BYTES} of
 * rows as JSON, so that no event outgrows a Kafka record (1 MiB by default, key and headers included) nor a short
 * transaction. A thousand rows of legal entities with long names and addresses came to about 1.3 MB, which the bridge's
 * producer refused, holding back every tenant's events behind it (found by a review, 2026-11-28).
 */
final class ImportBatches {

    static final int MAX_ROWS = 1000;
    /** Room for the event's own fields and the record's key and headers (under 1 KiB) below Kafka's 1 MiB. */
    static final int MAX_ROW_BYTES = 768 * 1024;

    /**
     * Measures rows as the event store writes them, but with nulls too and every instant at its widest (nine fraction
     * digits): never less than what is stored, and the same whatever an instant's value, so that a replay of an
     * import, whose rows' default {@code holderFrom} is the replay's own time, is cut and answered as the first
     * request was (a review found a cut move by the 0, 3 or 6 digits an instant is written with).
     */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule().addSerializer(Instant.class, new WidestInstant()))
            .build();

    private ImportBatches() {
    }

    /** The rows in order, cut into batches; a thousand rows are measured at once, one by one only when too large. */
    static <T> List<List<T>> split(List<T> rows) {
        return cut(rows, sizes(rows, 0));
    }

    /**
     * How many rows each batch takes, for rows that are each stored with at most {@code bytesAddedPerRow} more than
     * they measure (a unit import's row gains its parent's id): the request's rows can be measured, before the tree
     * has resolved them, and the answer can tell each row's batch.
     */
    static <T> List<Integer> sizes(List<T> rows, int bytesAddedPerRow) {
        List<Integer> sizes = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += MAX_ROWS) {
            List<T> chunk = rows.subList(start, Math.min(rows.size(), start + MAX_ROWS));
            if (bytes(chunk) + (long) chunk.size() * bytesAddedPerRow <= MAX_ROW_BYTES) {
                sizes.add(chunk.size());
                continue;
            }
            int batch = 0;
            long size = 0;
            for (T row : chunk) {
                long rowSize = bytes(row) + bytesAddedPerRow + 1; // and a comma
                if (batch > 0 && size + rowSize > MAX_ROW_BYTES) {
                    sizes.add(batch);
                    batch = 0;
                    size = 0;
                }
                batch++;
                size += rowSize;
            }
            sizes.add(batch);
        }
        return sizes;
    }

    /** The rows cut into batches of the given sizes, in order. */
    static <T> List<List<T>> cut(List<T> rows, List<Integer> sizes) {
        List<List<T>> batches = new ArrayList<>(sizes.size());
        int start = 0;
        for (int size : sizes) {
            batches.add(List.copyOf(rows.subList(start, start + size)));
            start += size;
        }
        return batches;
    }

    /** Each row's batch number from 0, in row order. */
    static List<Integer> batchOfEachRow(List<Integer> sizes) {
        List<Integer> batchOf = new ArrayList<>();
        for (int batch = 0; batch < sizes.size(); batch++) {
            for (int row = 0; row < sizes.get(batch); row++) {
                batchOf.add(batch);
            }
        }
        return batchOf;
    }

    static long bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot measure an import row", e);
        }
    }

    /** An instant as ISO-8601 with all nine fraction digits: the widest form of any instant of the years 0001-9999. */
    private static final class WidestInstant extends StdSerializer<Instant> {

        private static final DateTimeFormatter NANOS = DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

        WidestInstant() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(NANOS.format(value));
        }
    }
}
