package dev.orgservice.command.messaging;

import dev.orgservice.command.CommandSideIntegrationTest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command's answer carries the global position of the last event it appended, as the store's INSERT returned
 * it: the same row PostgreSQL holds, even when other appends have moved the head since.
 */
class AppendedPositionsTest extends CommandSideIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;
    @Autowired
    AppendedPositions appendedPositions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answersTheGlobalIndexTheStoreGaveTheCommandsLastEvent() {
        String aggregate = "positions-test-" + UUID.randomUUID();
        var command = GenericCommandMessage.asCommandMessage("append three events");
        List<String> eventIds = appendInCommand(command, aggregate, 0, 3);
        appendInCommand(GenericCommandMessage.asCommandMessage("a later command"), aggregate, 3, 1);

        long stored = jdbc.queryForObject("select global_index from event_store.domain_event_entry "
                + "where event_identifier = ?", Long.class, eventIds.get(2));
        assertThat(appendedPositions.take(command.getIdentifier())).hasValue(stored);
        assertThat(appendedPositions.take(command.getIdentifier())).as("taken once").isEmpty();
    }

    @Test
    void aCommandThatRollsBackLeavesNoPosition() {
        var command = GenericCommandMessage.asCommandMessage("refused after appending");
        var unitOfWork = DefaultUnitOfWork.startAndGet(command);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(u -> {
            throw new IllegalStateException("refused");
        });
        eventStore.publish(events("positions-test-" + UUID.randomUUID(), 0, 1));

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(IllegalStateException.class);
        assertThat(appendedPositions.take(command.getIdentifier())).isEmpty();
    }

    private List<String> appendInCommand(org.axonframework.commandhandling.CommandMessage<?> command,
                                         String aggregate, int from, int count) {
        var events = events(aggregate, from, count);
        var unitOfWork = DefaultUnitOfWork.startAndGet(command);
        unitOfWork.attachTransaction(transactions);
        eventStore.publish(events);
        unitOfWork.commit();
        return events.stream().map(GenericDomainEventMessage::getIdentifier).toList();
    }

    private static List<GenericDomainEventMessage<String>> events(String aggregate, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(sequence ->
                new GenericDomainEventMessage<>("PositionsTest", aggregate, sequence, "event " + sequence)).toList();
    }
}
