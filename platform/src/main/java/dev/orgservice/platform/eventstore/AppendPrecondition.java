package dev.orgservice.platform.eventstore;

import java.util.List;

/**
 * A condition the store's {@code INSERT} checks in the same statement as it appends: when it no longer holds, nothing
 * is appended and the append fails with Axon's {@code ConcurrencyException}, which the command gateway retries on
 * fresh state. It lets a command that decided on cached state be checked at the append, in the round trip the
 * append makes anyway, instead of reading that state again before it runs.
 */
@FunctionalInterface
public interface AppendPrecondition {

    /** The condition on the append the current unit of work is making; null for none. Asked once per append. */
    Condition forThisAppend();

    /**
     * @param query       a query that must find a row for the append to go ahead (it may lock it: {@code FOR SHARE});
     *                    its placeholders are bound to {@code parameters}
     * @param description what no longer held, for the conflict's message
     */
    record Condition(String query, List<Object> parameters, String description) {

        public Condition {
            parameters = List.copyOf(parameters);
        }
    }
}
