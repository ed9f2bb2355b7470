package dev.orgservice.command.kafka;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.Optional;

/**
 * The Kafka publisher's token store: the service's token store, except that the token it stores is the newest one
 * Kafka has acknowledged everything up to ({@link AcknowledgedBatches}), not the one the processor has read and
 * sent up to. The processor asks to store its token when a batch starts (in the batch's unit of work) and extends
 * its claim while it waits for events; both store the acknowledged token if it moved. Any other store (a reset
 * of the processor, say) first waits for every sent batch, then stores the token it is given. Before the
 * processor lets go of its token (shutdown, or after an error) every sent batch is awaited too, so that a clean
 * stop stores exactly what was published.
 */
final class AcknowledgedTokenStore implements TokenStore {

    private final TokenStore tokens;
    private final AcknowledgedBatches batches;

    AcknowledgedTokenStore(TokenStore tokens, AcknowledgedBatches batches) {
        this.tokens = tokens;
        this.batches = batches;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted()) {
            storeAcknowledged(batches.confirm(), processorName, segment);
        } else {
            batches.confirmAll();
            tokens.storeToken(token, processorName, segment);
        }
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        storeAcknowledged(batches.confirm(), processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        try {
            storeAcknowledged(batches.confirmAll(), processorName, segment);
        } catch (EventPublicationFailedException e) {
            // the batches are forgotten: whoever claims the token next sends them again
        } finally {
            tokens.releaseClaim(processorName, segment);
        }
    }

    private void storeAcknowledged(Optional<TrackingToken> acknowledged, String processorName, int segment) {
        if (acknowledged.isPresent()) {
            tokens.storeToken(acknowledged.get(), processorName, segment);
        } else {
            tokens.extendClaim(processorName, segment);
        }
    }

    // ---- the rest is the service's token store unchanged ----

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        tokens.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        tokens.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return tokens.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return tokens.fetchToken(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        tokens.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        tokens.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return tokens.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return tokens.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return tokens.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return tokens.retrieveStorageIdentifier();
    }
}
