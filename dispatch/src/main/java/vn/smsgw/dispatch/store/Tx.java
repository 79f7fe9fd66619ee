package vn.smsgw.dispatch.store;

/**
 * An open transaction, passed to store ports so that one use case can write through several of them atomically.
 * Opaque to the domain: each adapter family unwraps its own kind ({@link JdbcTx} or the in-memory one). Valid only
 * inside the {@link Transactions#inTransaction} call that created it; not thread-safe.
 */
public interface Tx {

    /**
     * Runs {@code action} on the committing thread once this transaction has committed; never if it rolls back. Where
     * commits are synced from a thread of their own, the commit may not be durable yet: the action is for state that
     * later transactions read (they become durable only after it), not for telling anyone outside. The SQLite and
     * PostgreSQL store log an action that throws; the commit stands.
     */
    void afterCommit(Runnable action);
}
