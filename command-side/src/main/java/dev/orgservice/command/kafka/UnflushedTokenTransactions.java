package dev.orgservice.command.kafka;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Kafka publisher's transactions: they write nothing but its token (the events were committed, durably, by
 * the commands that appended them), so they commit without waiting for PostgreSQL to flush the WAL
 * ({@code synchronous_commit = off}, for these transactions only). If PostgreSQL itself crashes, the last token
 * updates (at most three {@code wal_writer_delay}s, 600 ms by default) can be lost; the publisher then sends those
 * batches again, which at-least-once delivery allows and consumers drop by {@code ce_id}. The token only falls
 * back, never passes what Kafka acknowledged: nothing is lost. Why: with the acknowledgements no longer awaited
 * on the publisher's thread, the flush was what it waited for most, behind the broker's own writes to the same
 * disk (docs/benchmarks.md, Kafka bridge, sixth run).
 */
final class UnflushedTokenTransactions implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;

    UnflushedTokenTransactions(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        try {
            // on the transaction's own connection: Spring binds it to this thread, JdbcTemplate finds it there
            jdbc.execute("set local synchronous_commit = off");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
