package dev.orgservice.platform.eventstore;

import dev.orgservice.platform.testing.TestDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.DriverManager;

/**
 * Review helper (test only): the command side's storage engine as {@link EventStoreConfiguration} builds it
 * ({@link ParsedTimestampStorageEngine}, the default gap timeout, gap offset and lowest index, the command side's
 * batch size), over the test database, so that tests of the Kafka bridge read the store exactly as it does.
 */
public final class ConfiguredStorageEngine {

    private ConfiguredStorageEngine() {
    }

    public static EventStorageEngine of(Serializer serializer) {
        EventStoreProperties defaults = new EventStoreProperties(60_000, 10_000, 1_000, 25);
        var command = TestDatabase.get().accounts().command();
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(() -> DriverManager.getConnection(TestDatabase.get().url(), command.user(),
                        command.password()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(defaults.batchSize());
        return new ParsedTimestampStorageEngine(builder, new EventStoreConfiguration().eventSchema(),
                defaults.gapTimeoutMs(), defaults.maxGapOffset(), 1);
    }
}
