package dev.orgservice.query.consistency;

import dev.orgservice.query.storage.ReadModelDataSources;
import dev.orgservice.query.storage.TokenTable;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether every projection has processed a given event-store position. Read from the token store, not from
 * this JVM's processors, so it holds when segments are spread over several instances.
 */
@Component
public class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    public ProcessorPositions(@Qualifier(ReadModelDataSources.API) JdbcTemplate jdbc, Serializer serializer,
                              EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
    }

    public boolean allCover(long position) {
        Set<String> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(p -> p.getName())
                .collect(Collectors.toSet());
        List<SegmentToken> tokens = jdbc.query("select processor_name, token, token_type from " + TokenTable.NAME,
                (row, n) -> new SegmentToken(row.getString(1), row.getBytes(2), row.getString(3)));
        Set<String> seen = tokens.stream().map(SegmentToken::processor).collect(Collectors.toSet());
        return seen.containsAll(processors) && tokens.stream()
                .filter(t -> processors.contains(t.processor()))
                .allMatch(t -> covers(t, position));
    }

    private boolean covers(SegmentToken segment, long position) {
        if (segment.token() == null) {
            return position <= 0;
        }
        TrackingToken token = serializer.deserialize(
                new SimpleSerializedObject<>(segment.token(), byte[].class, segment.type(), null));
        return covers(WrappedToken.unwrapLowerBound(token), position);
    }

    /** "Covers" means at or past the position and the position is not a gap still waited for. */
    static boolean covers(TrackingToken token, long position) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return token != null && token.position().orElse(-1) >= position;
    }

    private record SegmentToken(String processor, byte[] token, String type) {
    }
}
