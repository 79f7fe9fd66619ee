package vn.smsgw.dispatch.store;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Transactions for the in-memory adapters: work runs under one lock, so it is isolated and atomic with respect to
 * other transactions, but there is no rollback (a failing work leaves what it already wrote) and nothing is durable.
 * For tests and fakes only. Thread-safe.
 */
public final class InMemoryTransactions implements Transactions {
    private final ReentrantLock lock = new ReentrantLock();

    /** The in-memory transaction: collects after-commit actions. */
    private static final class InMemoryTx implements Tx {
        private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            InMemoryTx tx = new InMemoryTx();
            T result = work.run(tx);
            tx.afterCommit.forEach(Runnable::run);
            return result;
        } catch (StorageException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException("transaction failed: " + e, e);
        } finally {
            lock.unlock();
        }
    }

    /** True when {@code tx} comes from an in-memory transaction. */
    public static boolean owns(Tx tx) {
        return tx instanceof InMemoryTx;
    }
}
