package vn.smsgw.dispatch.store;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the open transaction changes in an in-memory index: staged while the transaction runs, visible to it through
 * {@link #of}/{@link #ifOpen}, and handed to {@code apply} once it has committed ({@link Tx#afterCommit}). A
 * transaction that rolls back never reaches {@code apply}; the next transaction starts a fresh stage.
 *
 * <p>For indexes kept by the single SQLite writer: the transactions that stage changes follow one another on one
 * thread (intake's writer), so the stage of one has been applied before the next begins. Other threads may read the
 * index in their own transactions (they see the committed state, which lags a commit until its apply has run); every
 * method and {@code apply} run under {@code lock}, the owner's monitor.
 */
public final class CommitStage<S> {
    private final Object lock;
    private final Supplier<S> fresh;
    private final Consumer<S> apply;
    private Tx openTx;
    private S staged;

    public CommitStage(Object lock, Supplier<S> fresh, Consumer<S> apply) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.fresh = Objects.requireNonNull(fresh, "fresh");
        this.apply = Objects.requireNonNull(apply, "apply");
    }

    /** The stage of {@code tx}, opened at the first call (which registers its apply after commit). */
    public S of(Tx tx) {
        synchronized (lock) {
            if (openTx != tx) {
                S stage = fresh.get();
                openTx = tx;
                staged = stage;
                tx.afterCommit(() -> committed(tx, stage));
            }
            return staged;
        }
    }

    /** The stage of {@code tx} if it has one, else null (nothing staged by it). */
    public S ifOpen(Tx tx) {
        synchronized (lock) {
            return openTx == tx ? staged : null;
        }
    }

    private void committed(Tx tx, S stage) {
        synchronized (lock) {
            apply.accept(stage);
            if (openTx == tx) {
                openTx = null;
                staged = null;
            }
        }
    }
}
