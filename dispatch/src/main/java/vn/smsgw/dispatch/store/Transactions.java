package vn.smsgw.dispatch.store;

import java.util.function.Consumer;

/** Runs work in one transaction: committed when the work returns, rolled back when it throws. */
public interface Transactions {

    /** Work done inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws Exception;
    }

    /**
     * Runs {@code work} in a new transaction and returns its result once the commit is durable.
     *
     * @throws StorageException when the store fails or the work throws; nothing of the work is kept then
     */
    <T> T inTransaction(Work<T> work);

    /**
     * Like {@link #inTransaction}, for short writes made often by several threads: the store may run them together
     * with other threads' shared writes in one transaction (each undone alone if it fails, all failed if the commit
     * fails). Defaults to {@link #inTransaction}.
     */
    default <T> T inSharedTransaction(Work<T> work) {
        return inTransaction(work);
    }

    /**
     * {@link #inSharedTransaction(Work)} for a caller that need not wait for durability itself: returns once the
     * work is committed, and hands its result to {@code onDurable} once the commit is durable — possibly later and on
     * another thread, in commit order — or the failure to {@code onLost} if the store could not make it durable. The
     * caller may meanwhile start its next transaction; neither callback may wait for the store. Defaults to waiting,
     * then calling {@code onDurable} on this thread.
     *
     * @throws StorageException when the store fails or the work throws; nothing of the work is kept then
     */
    default <T> void inSharedTransaction(Work<T> work, Consumer<T> onDurable, Consumer<StorageException> onLost) {
        onDurable.accept(inSharedTransaction(work));
    }

    /**
     * Runs read-only work on a consistent snapshot that does not block writers where the store allows it; anything
     * the work writes may be discarded. Defaults to {@link #inTransaction}.
     */
    default <T> T read(Work<T> work) {
        return inTransaction(work);
    }
}
