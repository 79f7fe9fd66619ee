package vn.smsgw.dispatch.store;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes SQLite commits durable from a thread of its own, so that a writer can go on with its next transaction while
 * the last one is being synced (a pipelined group commit).
 *
 * <p>With {@link SqliteSync#FULL} the connections run SQLite's {@code synchronous=NORMAL}: a {@code COMMIT} writes its
 * WAL frames to the file but does not sync it. Every write transaction then takes a <em>ticket</em> once its COMMIT
 * has returned ({@link #committed}); the sync thread fsyncs the WAL file whenever there are commits it has not
 * covered, and a ticket counts as durable only after a sync that <em>began</em> after the ticket was taken. One sync
 * covers every commit before it, so commits arriving while a sync runs share the next one. Whoever needs a commit to be
 * durable either waits for its ticket ({@link #await}) or hands over what to do then ({@link #whenDurable}); such
 * actions run on the sync thread, in ticket order.
 *
 * <p>If a sync fails, nothing written since the last good sync can be trusted to be on disk (a failed fsync may
 * have dropped the dirty pages), so the store is treated as broken: every waiting and every later ticket fails with a
 * {@link StorageException} until the process restarts and SQLite recovers the WAL from what is really on disk.
 * Thread-safe.
 */
final class WalSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalSync.class);

    /** Makes everything written so far durable. */
    @FunctionalInterface
    interface Flush {
        void flush() throws IOException;
    }

    private record Action(long ticket, long order, Runnable onDurable, Consumer<StorageException> onFailure) {
    }

    private final Flush flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition toSync = lock.newCondition();
    private final Condition advanced = lock.newCondition();
    private final PriorityQueue<Action> actions = new PriorityQueue<>(
            Comparator.comparingLong(Action::ticket).thenComparingLong(Action::order));
    private final Thread thread;
    private long started;
    private long committed;
    private long synced;
    private long syncs;
    private long handedOver;
    private StorageException broken;
    private boolean running = true;
    private boolean exited;

    WalSync(Flush flush, String name) {
        this.flush = flush;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        WriterPriority.raise(this.thread);
        this.thread.start();
    }

    /** The WAL of the SQLite database {@code dbFile}: an fsync of its {@code -wal} file, or of the database file. */
    static WalFile walOf(Path dbFile) {
        return new WalFile(dbFile);
    }

    /** Fails if a sync has failed: nothing may be committed then (a commit might still reach the disk later). */
    void checkUsable() {
        lock.lock();
        try {
            if (broken != null) {
                throw broken;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called before a COMMIT is executed; see {@link #awaitVisible}. */
    void committing() {
        lock.lock();
        try {
            started++;
        } finally {
            lock.unlock();
        }
    }

    /** Called once a COMMIT has returned (or failed): the ticket that, once durable, covers it. */
    long committed() {
        lock.lock();
        try {
            long ticket = ++committed;
            toSync.signal();
            advanced.signalAll(); // a sync in place may wait for this commit
            return ticket;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until {@code ticket} is durable; on the sync thread itself, or once it has stopped, syncs in place. */
    void await(long ticket) {
        if (Thread.currentThread() == thread) {
            syncInPlace(ticket);
            return;
        }
        lock.lock();
        try {
            while (synced < ticket && broken == null && !exited) {
                advanced.awaitUninterruptibly();
            }
            if (broken != null && synced < ticket) {
                throw broken;
            }
            if (synced >= ticket) {
                return;
            }
        } finally {
            lock.unlock();
        }
        syncInPlace(ticket); // the sync thread has stopped
    }

    /**
     * Blocks until every commit begun so far is durable: what a read has seen so far may then be acted on, even if it
     * included a commit whose writer has not taken its ticket yet.
     */
    void awaitVisible() {
        long ticket;
        lock.lock();
        try {
            ticket = started;
        } finally {
            lock.unlock();
        }
        await(ticket);
    }

    /**
     * Runs {@code onDurable} on the sync thread once {@code ticket} is durable, after the actions of earlier tickets;
     * or {@code onFailure} if the store broke first. Once the sync thread has stopped, on this thread.
     */
    void whenDurable(long ticket, Runnable onDurable, Consumer<StorageException> onFailure) {
        StorageException failure;
        lock.lock();
        try {
            failure = broken;
            if (failure == null && !exited) {
                actions.add(new Action(ticket, handedOver++, onDurable, onFailure));
                toSync.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        if (failure == null) {
            try {
                syncInPlace(ticket);
            } catch (StorageException e) {
                onFailure.accept(e);
                return;
            }
            onDurable.run();
            return;
        }
        onFailure.accept(failure);
    }

    /** Syncs completed since start (for tests and metrics). */
    long syncCount() {
        lock.lock();
        try {
            return syncs;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        try {
            while (true) {
                long target;
                lock.lock();
                try {
                    while (running && broken == null && committed == synced && !actionDue()) {
                        toSync.awaitUninterruptibly();
                    }
                    if (broken != null || (committed == synced && !actionDue() && !running)) {
                        // exited in the same hold of the lock: an action handed over after this decision syncs in
                        // place on its own thread, instead of waiting for a sync thread that has left
                        exited = true;
                        return;
                    }
                    target = committed;
                } finally {
                    lock.unlock();
                }
                try {
                    syncTo(target);
                } catch (StorageException e) {
                    return; // broken: the waiting actions fail below
                }
                runDue();
            }
        } finally {
            lock.lock();
            try {
                exited = true;
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
            runDue(); // actions left by a failure
        }
    }

    /** An action whose ticket a sync already covered (it was handed over after that sync); called holding the lock. */
    private boolean actionDue() {
        return !actions.isEmpty() && (broken != null || actions.peek().ticket() <= synced);
    }

    /** Syncs, covering {@code target} (nothing to do if a sync already did); a failure breaks the store. */
    private void syncTo(long target) {
        lock.lock();
        try {
            if (broken != null) {
                throw broken;
            }
            if (synced >= target) {
                return;
            }
        } finally {
            lock.unlock();
        }
        StorageException failure = null;
        try {
            flush.flush();
        } catch (IOException | RuntimeException e) {
            failure = new StorageException("database sync failed; the store stops accepting writes until restarted: "
                    + e, e);
            log.error("SQLite WAL sync failed; every commit since the last good sync is treated as lost", e);
        }
        lock.lock();
        try {
            if (failure == null) {
                if (synced < target) {
                    syncs++;
                    synced = target;
                }
            } else if (broken == null) {
                broken = failure;
            }
            advanced.signalAll();
            if (broken != null) {
                throw broken;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs the actions that are due, in ticket order (all of them, as failed, once the store is broken). */
    private void runDue() {
        while (true) {
            Action a;
            StorageException failure;
            lock.lock();
            try {
                if (!actionDue()) {
                    return;
                }
                a = actions.poll();
                failure = broken;
            } finally {
                lock.unlock();
            }
            try {
                if (failure == null) {
                    a.onDurable().run();
                } else {
                    a.onFailure().accept(failure);
                }
            } catch (RuntimeException | Error e) {
                log.error("an action after a durable commit failed", e);
            }
        }
    }

    /**
     * Makes {@code ticket} durable on this thread: waits for the commits it covers to have returned, then syncs. The
     * actions due are left to the sync thread, so that they keep their order.
     */
    private void syncInPlace(long ticket) {
        long target;
        lock.lock();
        try {
            while (committed < ticket && broken == null) {
                advanced.awaitUninterruptibly(); // a commit in progress on another thread
            }
            if (broken != null) {
                throw broken;
            }
            if (synced >= ticket) {
                return;
            }
            target = committed;
        } finally {
            lock.unlock();
        }
        syncTo(target); // after a failure, the sync thread fails the waiting actions (none wait once it has stopped)
    }

    /** Stops the sync thread once every commit so far is durable and its actions have run. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            toSync.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (flush instanceof WalFile f) {
            f.close();
        }
    }

    /**
     * The fsync of a database's WAL file. The channel is reopened when the file was replaced (SQLite deletes the WAL
     * when its last connection closes, after copying it into the database file and syncing that); when there is no WAL
     * file, the database file itself is synced. Opening a new WAL file also syncs its directory, so that the file's
     * name survives a power loss.
     */
    static final class WalFile implements Flush {
        private final Path db;
        private final Path wal;
        private FileChannel channel;
        private Object fileKey;
        private int opens;

        WalFile(Path db) {
            this.db = db;
            this.wal = db.resolveSibling(db.getFileName() + "-wal");
        }

        /**
         * Syncs with the calling thread's interrupt status cleared, and sets it again after: a FileChannel closes
         * itself when a thread with that status set uses it (ClosedByInterruptException), which would fail this sync
         * and every later one, and so break the store. A channel closed during the sync (an interrupt that came
         * meanwhile) is opened again and the sync repeated. The sync thread is never interrupted, but a sync runs in place
         * on whatever thread needs one once that thread has stopped (at shutdown), and such a thread may carry an
         * interrupt it has not handled.
         */
        @Override
        public synchronized void flush() throws IOException {
            boolean interrupted = Thread.interrupted();
            try {
                try {
                    flushUninterrupted();
                } catch (ClosedChannelException e) {
                    // an interrupt that came during the sync closed the channel; the file is the same, and an fsync
                    // of it through a new channel covers every write made to it
                    interrupted |= Thread.interrupted();
                    close();
                    flushUninterrupted();
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void flushUninterrupted() throws IOException {
            Object key;
            try {
                key = Files.readAttributes(wal, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                try (FileChannel c = FileChannel.open(db, StandardOpenOption.READ)) {
                    c.force(false);
                }
                return;
            }
            if (channel == null || key == null || !key.equals(fileKey)) {
                close();
                channel = FileChannel.open(wal, StandardOpenOption.READ);
                fileKey = key;
                opens++;
                Path dir = wal.toAbsolutePath().getParent();
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true);
                }
            }
            channel.force(false);
        }

        /** The channel open on the WAL file, or null (for tests). */
        synchronized FileChannel channel() {
            return channel;
        }

        /** How many times a WAL file was opened (for tests). */
        synchronized int opens() {
            return opens;
        }

        synchronized void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // a read-only channel: nothing was buffered in it
                }
                channel = null;
            }
        }
    }
}
