package vn.smsgw.dispatch.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes of several threads run one after another in one SQLite transaction: one BEGIN IMMEDIATE, one sync, and
 * no hand-over of SQLite's write lock between them. A caller hands its work in and takes the combiner's lock;
 * whoever holds it runs every piece handed in so far, each under its own savepoint when there are several, so one
 * piece's failure undoes only that piece (and drops the after-commit actions it registered), then commits them all. A
 * failed commit fails them all. Intake's group commit and the outbound queue's claims, settlements and receipts share
 * one combiner per database: while intake commits a group, the outbound writes waiting ride in its transaction
 * instead of taking the lock in turn. With deferred syncs ({@link WalSync}) each caller waits for the durability of
 * the shared commit on its own, after the lock is released, so the next combined transaction can run while the last
 * one is being synced. Thread-safe.
 */
final class WriteCombiner {
    private final Database db;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Piece<?>> handedIn = new ConcurrentLinkedQueue<>();
    private volatile long lastCommitEnd = System.nanoTime();

    /** One caller's work and, once its transaction ended, its outcome. */
    private static final class Piece<T> {
        final Transactions.Work<T> work;
        T result;
        StorageException error;
        long ticket;
        volatile boolean done;

        Piece(Transactions.Work<T> work) {
            this.work = work;
        }
    }

    WriteCombiner(Database db) {
        this.db = db;
    }

    /**
     * Runs {@code work} in a combined transaction and returns its result once committed. With a positive
     * {@code minGapNanos} it runs no transaction of its own until that long after the previous one ended (more pieces
     * gather meanwhile), unless another caller's transaction takes the work first.
     */
    <T> T write(Transactions.Work<T> work, long minGapNanos) {
        Piece<T> piece = commit(work, minGapNanos);
        db.awaitDurable(piece.ticket);
        return piece.result;
    }

    /**
     * Runs {@code work} in a combined transaction and returns once committed, without waiting for the commit to be
     * durable: {@code onDurable} gets the result then, or {@code onLost} the failure if the store could not make it so.
     *
     * @throws StorageException when the work or the commit failed; nothing of the work is kept then
     */
    <T> void writeThen(Transactions.Work<T> work, Consumer<T> onDurable, Consumer<StorageException> onLost) {
        Piece<T> piece = commit(work, 0);
        db.whenDurable(piece.ticket, piece.result, onDurable, onLost);
    }

    private <T> Piece<T> commit(Transactions.Work<T> work, long minGapNanos) {
        Piece<T> piece = new Piece<>(work);
        handedIn.add(piece);
        if (minGapNanos > 0) {
            for (long wait = lastCommitEnd + minGapNanos - System.nanoTime(); wait > 0 && !piece.done;
                    wait = lastCommitEnd + minGapNanos - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(wait, 500_000));
            }
        }
        if (!piece.done) {
            lock.lock();
            try {
                if (!piece.done) {
                    runHandedIn();
                }
            } finally {
                lock.unlock();
            }
        }
        if (piece.error != null) {
            throw piece.error;
        }
        return piece;
    }

    /** Runs every piece handed in so far in one transaction; called holding the lock. */
    private void runHandedIn() {
        List<Piece<?>> pieces = new ArrayList<>();
        for (Piece<?> p = handedIn.poll(); p != null; p = handedIn.poll()) {
            pieces.add(p);
        }
        try {
            long ticket = db.runUnsynced(tx -> {
                JdbcTx c = JdbcTx.of(tx);
                if (pieces.size() == 1) {
                    runAlone(c, pieces.get(0));
                    return null;
                }
                for (Piece<?> p : pieces) {
                    runUnderSavepoint(c, p);
                }
                return null;
            }, true).ticket();
            for (Piece<?> p : pieces) {
                p.ticket = ticket;
            }
        } catch (StorageException e) {
            for (Piece<?> p : pieces) {
                if (p.error == null) {
                    p.result = null;
                    p.error = e;
                }
            }
        } finally {
            lastCommitEnd = System.nanoTime();
            for (Piece<?> p : pieces) {
                p.done = true;
            }
        }
    }

    /**
     * The only piece of its transaction needs no savepoint: if it fails, the whole transaction is rolled back, which
     * undoes the same and drops its after-commit actions. A savepoint made SQLite keep a copy of every page the piece
     * changed, for a rollback to it, and cost two statements.
     */
    private static <T> void runAlone(JdbcTx c, Piece<T> p) throws Exception {
        try {
            p.result = p.work.run(c);
        } catch (Exception e) {
            p.error = e instanceof StorageException se ? se : new StorageException("transaction failed: " + e, e);
            throw p.error;
        }
    }

    private static <T> void runUnderSavepoint(JdbcTx c, Piece<T> p) throws Exception {
        c.statement("SAVEPOINT combined_piece").execute();
        int actions = c.afterCommitCount();
        try {
            p.result = p.work.run(c);
        } catch (Exception e) {
            c.statement("ROLLBACK TO combined_piece").execute();
            c.dropAfterCommitFrom(actions);
            p.error = e instanceof StorageException se ? se
                    : new StorageException("transaction failed: " + e, e);
        }
        c.statement("RELEASE combined_piece").execute();
    }
}
