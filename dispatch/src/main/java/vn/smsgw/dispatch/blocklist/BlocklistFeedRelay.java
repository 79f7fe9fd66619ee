package vn.smsgw.dispatch.blocklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.smsgw.dispatch.store.Database;
import vn.smsgw.dispatch.store.JdbcTx;

/**
 * Relays the change feed ({@code blocklist_event}) to a broker ({@link BlocklistEventPublisher}; RabbitMQ in
 * production, {@link RabbitBlocklistPublisher}). Thread-safe.
 *
 * <p>At least once, nothing lost. The relay's cursor (the last seq it published) is a row of
 * {@code blocklist_cursor} in the shared database, not process state. A round reads the events after the cursor,
 * publishes them, and only once the publisher returned (every event confirmed) moves the cursor forward, with a
 * conditional update that never moves it back. With the broker down the round fails, the cursor stays and the next
 * round retries. Several processes may relay at once: each may publish an event twice, never skip one (consumers drop
 * duplicates by seq). No event can appear later below the cursor because event inserts are serialised at commit (see
 * {@link JdbcBlocklistStore}).
 */
public final class BlocklistFeedRelay implements AutoCloseable {
    /** The cursor of the relay to RabbitMQ (its name in {@code blocklist_cursor}). */
    public static final String RABBIT_CURSOR = "rabbit";
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(BlocklistFeedRelay.class);

    private final Database database;
    private final String cursorName;
    private final BlocklistEventPublisher publisher;
    private final JdbcBlocklistStore store = new JdbcBlocklistStore();
    private final AtomicLong failedRounds = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private long intervalNanos;
    /** When the next round may run after failed ones (System.nanoTime); read and written by the relay's thread. */
    private long retryAt;

    /**
     * A relay over {@code database} to {@code publisher}, keeping its place under {@code cursorName}; call
     * {@link #start} to run it. It closes the publisher when closed.
     */
    public BlocklistFeedRelay(Database database, String cursorName, BlocklistEventPublisher publisher) {
        this.database = database;
        this.cursorName = cursorName;
        this.publisher = publisher;
    }

    /** Runs rounds every {@code interval} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            throw new IllegalStateException("already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "blocklist-feed-" + cursorName);
            t.setDaemon(true);
            return t;
        });
        intervalNanos = interval.toNanos();
        scheduler.scheduleWithFixedDelay(this::drain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drain() {
        if (failedRounds.get() > 0 && System.nanoTime() - retryAt < 0) {
            return; // backing off: a broker that is down is not asked every interval by every process
        }
        try {
            while (publishPending() == BATCH) {
                log.debug("blocklist feed: more events pending");
            }
        } catch (RuntimeException | Error e) {
            // an Error too: escaping a scheduleWithFixedDelay task, it would cancel every later round
            long failed = failedRounds.incrementAndGet();
            retryAt = System.nanoTime() + backoffNanos(intervalNanos, failed);
            if (failed == 1 || failed % 100 == 0) {
                log.warn("blocklist feed to the broker failed ({} failed rounds), will retry: {}", failed,
                        e.getMessage());
            }
        }
    }

    /** The wait after {@code failed} rounds failed in a row: the interval, doubled each time, at most a minute. */
    static long backoffNanos(long intervalNanos, long failed) {
        long max = TimeUnit.MINUTES.toNanos(1);
        long wait = intervalNanos;
        for (long i = 1; i < failed && wait < max; i++) {
            wait *= 2;
        }
        return Math.min(wait, max);
    }

    /**
     * One round: publishes up to {@value #BATCH} events after the cursor and advances the cursor once all are
     * confirmed; returns how many were published.
     *
     * @throws UncheckedIOException when the broker is unreachable or does not confirm; the cursor is unchanged
     */
    public synchronized int publishPending() {
        long cursor = cursor();
        List<BlocklistEvent> events = database.read(tx -> store.changesOfAllLists(tx, cursor, BATCH));
        if (events.isEmpty()) {
            return 0;
        }
        try {
            publisher.publish(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        advance(events.get(events.size() - 1).seq());
        failedRounds.set(0);
        return events.size();
    }

    /** The last seq confirmed by the broker (0 before the first). */
    public long cursor() {
        return database.inTransaction(tx -> {
            var c = JdbcTx.of(tx).connection();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO blocklist_cursor (name, seq) VALUES (?, 0) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, cursorName);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM blocklist_cursor WHERE name = ?")) {
                ps.setString(1, cursorName);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Rounds failed in a row since the last success. */
    public long failedRounds() {
        return failedRounds.get();
    }

    private void advance(long seq) {
        database.inTransaction(tx -> {
            try (PreparedStatement ps = JdbcTx.of(tx).connection().prepareStatement(
                    "UPDATE blocklist_cursor SET seq = ? WHERE name = ? AND seq < ?")) {
                ps.setLong(1, seq);
                ps.setString(2, cursorName);
                ps.setLong(3, seq);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            publisher.close();
        }
    }
}
