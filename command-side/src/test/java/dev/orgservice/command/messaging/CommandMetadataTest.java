package dev.orgservice.command.messaging;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMetadataTest {

    private final MetaData request = MetaData.from(Map.of(CommandMetadata.CORRELATION_ID, "corr-1",
            CommandMetadata.USER_ID, "alice", CommandMetadata.TENANT_ID, "7c9e", CommandMetadata.REASON, "audit",
            "other", "not copied"));

    @Test
    void copiesTheRequestsKeysFromACommandOntoItsEvents() {
        var command = new GenericCommandMessage<>("rename").withMetaData(request);
        assertThat(CommandMetadata.copiedToEvents().correlationDataFor(command)).isEqualTo(Map.of(
                "correlationId", "corr-1", "userId", "alice", "tenantId", "7c9e", "reason", "audit"));
    }

    @Test
    void copiesNothingWhileAnEventIsHandled() {
        var event = GenericEventMessage.asEventMessage("renamed").withMetaData(request);
        assertThat(CommandMetadata.copiedToEvents().correlationDataFor(event)).isEmpty();
    }
}
