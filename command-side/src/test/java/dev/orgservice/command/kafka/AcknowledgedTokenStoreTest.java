package dev.orgservice.command.kafka;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's token store stores what Kafka acknowledged, not what the processor asks for: the processor asks
 * for the token of the batch it is about to send.
 */
class AcknowledgedTokenStoreTest {

    private static final String PROCESSOR = "kafka-publisher";

    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final AcknowledgedBatches batches = new AcknowledgedBatches(200);
    private final AcknowledgedTokenStore store = new AcknowledgedTokenStore(tokens, batches);

    @Test
    void storesTheTokenUpToWhichKafkaAcknowledgedWhenABatchStarts() {
        tokens.initializeTokenSegments(PROCESSOR, 1, new GlobalSequenceTrackingToken(-1));
        store.fetchToken(PROCESSOR, 0);
        CompletableFuture<org.apache.kafka.clients.producer.RecordMetadata> first = new CompletableFuture<>();
        batches.sent(new GlobalSequenceTrackingToken(9), List.of(record(first)));
        batches.sent(new GlobalSequenceTrackingToken(19), List.of(record(new CompletableFuture<>())));

        first.complete(null);
        inBatch(() -> store.storeToken(new GlobalSequenceTrackingToken(29), PROCESSOR, 0));

        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(9));
    }

    @Test
    void aStopStoresEverythingAcknowledgedAndAnyOtherStoreWaitsForItFirst() {
        tokens.initializeTokenSegments(PROCESSOR, 1, new GlobalSequenceTrackingToken(-1));
        store.fetchToken(PROCESSOR, 0);
        batches.sent(new GlobalSequenceTrackingToken(9), List.of(record(CompletableFuture.completedFuture(null))));
        batches.sent(new GlobalSequenceTrackingToken(19), List.of(record(CompletableFuture.completedFuture(null))));

        store.releaseClaim(PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(19));

        store.storeToken(new GlobalSequenceTrackingToken(3), PROCESSOR, 0); // a reset, outside any batch
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
    }

    private static AcknowledgedBatches.SentRecord record(
            CompletableFuture<org.apache.kafka.clients.producer.RecordMetadata> ack) {
        return new AcknowledgedBatches.SentRecord(ack,
                NoOpMessageMonitor.INSTANCE.onMessageIngested(GenericEventMessage.asEventMessage("event")));
    }

    private static void inBatch(Runnable work) {
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")).execute(work);
    }
}
