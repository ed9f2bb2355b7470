package dev.orgservice.platform.eventstore;

import dev.orgservice.platform.eventstore.AppendPrecondition.Condition;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's append statement ({@link JdbcEventStorageEngineStatements#appendEvents}: the same columns and parameters),
 * with two additions. The events' global indexes come back from the {@code INSERT} itself ({@code RETURNING
 * global_index}) and the last one goes to an {@link AppendedPositionListener} once the batch has run (before, the
 * command side looked the position up by event id after the commit: a pool checkout and a round trip per command).
 * And when the unit of work has an {@link AppendPrecondition}, each row is inserted only where the condition's query
 * finds a row ({@code INSERT ... SELECT ... WHERE EXISTS}); a row not inserted fails the append as a conflict.
 */
final class PositionReturningAppend implements AppendEventsStatementBuilder {

    private final AppendedPositionListener listener;
    private final AppendPrecondition precondition;

    PositionReturningAppend(AppendedPositionListener listener, AppendPrecondition precondition) {
        this.listener = listener;
        this.precondition = precondition;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        Condition condition = precondition.forThisAppend();
        String values = "?,?,?,?,?,?,?,?,?";
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + (condition == null ? "VALUES (" + values + ")"
                : "SELECT " + values + " WHERE EXISTS (" + condition.query() + ")");
        PreparedStatement statement = connection.prepareStatement(sql, new String[]{schema.globalIndexColumn()});
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domainEvent ? domainEvent
                    : new GenericDomainEventMessage<>(null, message.getIdentifier(), 0L, message, message::getTimestamp);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            if (condition != null) {
                for (int i = 0; i < condition.parameters().size(); i++) {
                    statement.setObject(10 + i, condition.parameters().get(i));
                }
            }
            statement.addBatch();
        }
        // Axon runs the batch and closes the statement; the keys are read between the two
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    Object result = invoke(statement, method, args);
                    if (method.getName().equals("executeBatch")) {
                        if (condition != null) {
                            requireEveryRowInserted((int[]) result, condition);
                        }
                        listener.appended(lastIndex(statement));
                    }
                    return result;
                });
    }

    private static void requireEveryRowInserted(int[] counts, Condition condition) {
        for (int count : counts) {
            if (count == 0) {
                throw new ConcurrencyException("Nothing appended: " + condition.description());
            }
        }
    }

    private static long lastIndex(PreparedStatement statement) throws SQLException {
        long last = -1;
        try (ResultSet keys = statement.getGeneratedKeys()) {
            while (keys.next()) {
                last = Math.max(last, keys.getLong(1));
            }
        }
        return last;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
