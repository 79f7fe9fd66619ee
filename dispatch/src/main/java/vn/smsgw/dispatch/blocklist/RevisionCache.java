package vn.smsgw.dispatch.blocklist;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.Transactions;
import vn.smsgw.dispatch.store.Tx;
import vn.smsgw.dispatch.store.WriterPriority;

/**
 * A snapshot of reference data that readers get without I/O. The snapshot is loaded when the cache is constructed,
 * reloaded at once by {@link #reload()} (after a change made by this process), and otherwise re-validated against the
 * stored revision at most once per {@code interval}: a read that finds the snapshot older than that starts the check
 * on a background thread and returns the current snapshot. Readers are typically inside a transaction of their own
 * (intake's group commit), so they must never open another one: on SQLite that would wait for their own write lock.
 * A failed check keeps the snapshot (and is logged) until the next interval. Thread-safe.
 */
final class RevisionCache<T> {
    private static final Logger log = LoggerFactory.getLogger(RevisionCache.class);
    private static final ExecutorService REFRESHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "blocklist-reference-refresh");
        t.setDaemon(true);
        WriterPriority.keepNormal(t); // started by its first reader, often intake's writer
        return t;
    });

    private record Snapshot<T>(T value, long revision, Instant checkedAt) {
    }

    private final String name;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration interval;
    private final ToLongFunction<Tx> revision;
    private final Function<Tx, T> load;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Snapshot<T> snapshot;

    RevisionCache(String name, Transactions transactions, Clock clock, Duration interval, ToLongFunction<Tx> revision,
                  Function<Tx, T> load) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException(name + " refresh interval is negative");
        }
        this.name = name;
        this.transactions = transactions;
        this.clock = clock;
        this.interval = interval;
        this.revision = revision;
        this.load = load;
        this.snapshot = fetch(null, clock.instant());
    }

    T get() {
        Snapshot<T> s = snapshot;
        if (!clock.instant().isBefore(s.checkedAt().plus(interval)) && checking.compareAndSet(false, true)) {
            REFRESHER.execute(this::check);
        }
        return s.value();
    }

    private void check() {
        try {
            Instant now = clock.instant();
            Snapshot<T> s = snapshot;
            Snapshot<T> next = fetch(s, now);
            synchronized (this) {
                if (snapshot == s) {
                    snapshot = next;
                }
            }
        } catch (RuntimeException e) {
            log.warn("{} refresh failed, keeping the previous snapshot: {}", name, e.getMessage());
            synchronized (this) {
                Snapshot<T> s = snapshot;
                snapshot = new Snapshot<>(s.value(), s.revision(), clock.instant());
            }
        } finally {
            checking.set(false);
        }
    }

    /** Reloads now, on the calling thread (which must not be inside a transaction). */
    void reload() {
        Snapshot<T> next = fetch(null, clock.instant());
        synchronized (this) {
            snapshot = next;
        }
    }

    private Snapshot<T> fetch(Snapshot<T> known, Instant now) {
        return transactions.read(tx -> {
            long r = revision.applyAsLong(tx);
            if (known != null && known.revision() == r) {
                return new Snapshot<>(known.value(), r, now);
            }
            return new Snapshot<>(load.apply(tx), r, now);
        });
    }
}
