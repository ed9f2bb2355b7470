package dev.orgservice.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
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
 * Axon's append statement, with the events' global indexes returned by the {@code INSERT} itself
 * ({@code RETURNING global_index}) and the last one handed to a {@link AppendedPositionListener} once the batch
 * has run. Before, the command side looked the position up by event id after the commit: a pool checkout and a
 * round trip per command.
 */
final class PositionReturningAppend implements AppendEventsStatementBuilder {

    private final AppendedPositionListener listener;

    PositionReturningAppend(AppendedPositionListener listener) {
        this.listener = listener;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = prepare(connection, schema, dataType, events, serializer, timestampWriter);
        // Axon runs the batch and closes the statement; the keys are read between the two
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                    Object result = invoke(statement, method, args);
                    if (method.getName().equals("executeBatch")) {
                        listener.appended(lastIndex(statement));
                    }
                    return result;
                });
    }

    /** Axon 4.13's {@code JdbcEventStorageEngineStatements.appendEvents}, preparing the statement to return the keys. */
    private static PreparedStatement prepare(Connection connection, EventSchema schema, Class<?> dataType,
                                             List<? extends EventMessage<?>> events, Serializer serializer,
                                             TimestampWriter timestampWriter) throws SQLException {
        String sql = "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?)";
        PreparedStatement statement = connection.prepareStatement(sql, new String[]{schema.globalIndexColumn()});
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = message instanceof DomainEventMessage<?> domain ? domain
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
            statement.addBatch();
        }
        return statement;
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
