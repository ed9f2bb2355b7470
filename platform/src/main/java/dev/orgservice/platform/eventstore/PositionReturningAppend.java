package dev.orgservice.platform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.Serializer;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Axon's append statement ({@link JdbcEventStorageEngineStatements#appendEvents}), with the events' global indexes
 * returned by the {@code INSERT} itself ({@code RETURNING global_index}) and the last one handed to a
 * {@link AppendedPositionListener} once the batch has run. Before, the command side looked the position up by
 * event id after the commit: a pool checkout and a round trip per command.
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
        // Axon's own statement and parameters, prepared on a connection that asks for the keys back
        String[] keys = {schema.globalIndexColumn()};
        Connection returningKeys = proxy(Connection.class, (proxy, method, args) ->
                method.getName().equals("prepareStatement") && args.length == 1
                        ? connection.prepareStatement((String) args[0], keys) : invoke(connection, method, args));
        PreparedStatement statement = JdbcEventStorageEngineStatements.appendEvents(returningKeys, schema, dataType,
                events, serializer, timestampWriter);
        // Axon runs the batch and closes the statement; the keys are read between the two
        return proxy(PreparedStatement.class, (proxy, method, args) -> {
            Object result = invoke(statement, method, args);
            if (method.getName().equals("executeBatch")) {
                listener.appended(lastIndex(statement));
            }
            return result;
        });
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

    /** {@code handler} sees every call; {@code args} is never null (an empty array for no arguments). */
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> handler.invoke(proxy, method, args == null ? new Object[0] : args)));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
